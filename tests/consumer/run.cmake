# SPDX-License-Identifier: Apache-2.0
# Installs the built ogi into BUILD_DIR/stage, then configures, builds and runs the consumers that
# find it with find_package(ogi): a C++ project (tests/consumer, ogi::ogi) and a project of C
# alone (tests/consumer/c, ogi::c).
set(stage ${BUILD_DIR}/stage)
file(REMOVE_RECURSE ${stage})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage} RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed")
endif()

# source folder of the consumer project; the program it builds
function(consume source program)
  set(cbuild ${BUILD_DIR}/consumer-build-${program})
  file(REMOVE_RECURSE ${cbuild})
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${source} -B ${cbuild} --no-warn-unused-cli -DCMAKE_PREFIX_PATH=${stage}
                  -DCMAKE_C_COMPILER=${CC} -DCMAKE_CXX_COMPILER=${CXX} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "${program}: consumer configure failed")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${cbuild} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "${program}: consumer build failed")
  endif()
  execute_process(COMMAND ${cbuild}/${program} ${SEED} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "${program} printed: ${out}")
  if(rc)
    message(FATAL_ERROR "${program}: consumer run failed")
  endif()
endfunction()

consume(${SOURCE_DIR} consumer)
consume(${SOURCE_DIR}/c consumer_c)

# The Python package, when the build has it: installed with its stubs, imported from the prefix.
if(PYTHON)
  file(GLOB package ${stage}/lib/python*/*-packages/ogi)
  if(NOT EXISTS ${package}/py.typed OR NOT EXISTS ${package}/__init__.pyi)
    message(FATAL_ERROR "the Python package was not installed with its type stubs and py.typed: '${package}'")
  endif()
  get_filename_component(site ${package} DIRECTORY)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${site} ${PYTHON} -c
                  "import sys, ogi; assert ogi.__file__.startswith(sys.argv[1]), ogi.__file__; print(ogi.parse_file(sys.argv[2]))"
                  ${site} ${SEED} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "the installed Python package printed: ${out}")
  if(rc)
    message(FATAL_ERROR "the installed Python package failed: ${err}")
  endif()
endif()
