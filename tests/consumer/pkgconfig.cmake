# SPDX-License-Identifier: Apache-2.0
# The pkg-config files work from a non-default prefix: installs the built ogi into
# BUILD_DIR/stage-pkgconfig, then compiles and runs a C++ program with
#   c++ main.cpp $(pkg-config --cflags --libs ogi)
# and a C program with
#   cc main.c $(pkg-config --cflags --libs ogi-c)
# both against that prefix alone (PKG_CONFIG_PATH names its lib/pkgconfig, nothing else).
set(stage ${BUILD_DIR}/stage-pkgconfig)
set(out ${BUILD_DIR}/pkgconfig-consumer)
file(REMOVE_RECURSE ${stage} ${out})
file(MAKE_DIRECTORY ${out})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage} RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed")
endif()
file(GLOB pcdir ${stage}/lib*/pkgconfig ${stage}/lib/*/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "${pcdir}")

# name: ogi or ogi-c; compiler; source
function(consume name compiler source)
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs ${name} RESULT_VARIABLE rc OUTPUT_VARIABLE flags
                  ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc)
    message(FATAL_ERROR "pkg-config ${name} failed: ${err}")
  endif()
  message(STATUS "pkg-config --cflags --libs ${name}: ${flags}")
  if(NOT flags MATCHES "${stage}")
    message(FATAL_ERROR "${name}.pc does not point into the prefix it was installed to")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  execute_process(COMMAND ${compiler} ${source} ${flags} -o ${out}/${name}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "${compiler} ${source} $(pkg-config --cflags --libs ${name}) failed:\n${err}")
  endif()
  # (a shared libogi, -DBUILD_SHARED_LIBS=ON, is found at run time through LD_LIBRARY_PATH, as
  # any library in a prefix the loader does not search)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${pcdir}/..:$ENV{LD_LIBRARY_PATH}"
                  ${out}/${name} ${SEED} RESULT_VARIABLE rc OUTPUT_VARIABLE printed)
  message(STATUS "${name} consumer printed: ${printed}")
  if(rc)
    message(FATAL_ERROR "the ${name} consumer failed")
  endif()
endfunction()

consume(ogi "${CXX}" ${SOURCE_DIR}/main.cpp)
consume(ogi-c "${CC}" ${SOURCE_DIR}/c/main.c)
