# Test: phanos_instrument() refuses a compiler that cannot load the plugin,
# with a message that says so.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DOTHER_CXX=...
#       -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...] -P non_clang.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
fresh_work_dir()
install_phanos("${BUILD_DIR}" "${prefix}")
consumer_configure_command(configure "${PROJECT_DIR}" "${build}" "${prefix}" "${OTHER_CXX}")
execute_process(COMMAND ${configure}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "FAILED: configuring with ${OTHER_CXX} succeeded\n${out}\n${err}")
endif()
if(NOT err MATCHES "phanos_instrument\\(app\\): the phanos plugin is a Clang [0-9]+ plugin")
  message(FATAL_ERROR "FAILED: no clear message about the compiler\n${out}\n${err}")
endif()
message(STATUS "ok: configuring with ${OTHER_CXX} fails with a clear message")
