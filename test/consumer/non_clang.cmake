# Test: phanos_instrument() refuses a compiler that cannot load any plugin,
# with a message that says so and lists the versions phanos has plugins for.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DOTHER_CXX=... -DCLANG_VERSIONS=14|15
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
string(REPLACE "|" ", " versions "${CLANG_VERSIONS}")
string(REGEX REPLACE "[ \n]+" " " err_text "${err}")  # CMake wraps long messages
if(NOT err_text MATCHES "phanos_instrument\\(app\\): phanos has no plugin for the C\\+\\+ compiler of this project \\(GNU "
   OR NOT err_text MATCHES "plugins for Clang ${versions}\\.")
  message(FATAL_ERROR "FAILED: no clear message about the compiler\n${out}\n${err}")
endif()
message(STATUS "ok: configuring with ${OTHER_CXX} fails with a clear message")
