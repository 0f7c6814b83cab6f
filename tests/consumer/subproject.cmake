# SPDX-License-Identifier: Apache-2.0
# ogi pulled into another project with FetchContent: configures, builds and runs
# tests/consumer/subproject against the source tree.
set(cbuild ${BUILD_DIR}/subproject-consumer)
file(REMOVE_RECURSE ${cbuild})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/subproject -B ${cbuild} -G Ninja
                -DCMAKE_BUILD_TYPE=Release -DOGI_SOURCE_DIR=${OGI_SOURCE_DIR} -DOGI_PYTHON=OFF
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer configure failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${cbuild} -j 2 RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer build failed")
endif()
execute_process(COMMAND ${cbuild}/consumer_c ${SEED} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer printed: ${out}")
if(rc)
  message(FATAL_ERROR "consumer run failed")
endif()
