# SPDX-License-Identifier: Apache-2.0
# ogi pulled into another project with FetchContent: configures tests/consumer/subproject against
# the source tree as a consumer does by default (no options, no build type: the cheapest build, no
# optimisation), builds its `all` (ogi's libraries and the two programs: the configure step
# refuses any other target of ogi's) and runs the programs. The cost is one build of the library.
set(cbuild ${BUILD_DIR}/subproject-consumer)
file(REMOVE_RECURSE ${cbuild})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/subproject -B ${cbuild} -G Ninja
                -DCMAKE_BUILD_TYPE= -DOGI_SOURCE_DIR=${OGI_SOURCE_DIR}
                -DCMAKE_C_COMPILER=${CC} -DCMAKE_CXX_COMPILER=${CXX}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer configure failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${cbuild} -j ${JOBS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer build failed")
endif()
foreach(program IN ITEMS consumer_c consumer)
  execute_process(COMMAND ${cbuild}/${program} ${SEED} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "${program} printed: ${out}")
  if(rc)
    message(FATAL_ERROR "${program} failed")
  endif()
endforeach()
file(REMOVE_RECURSE ${cbuild})   # a second copy of the library's objects is not worth keeping
