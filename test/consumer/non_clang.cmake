# Test: phanos_instrument() refuses a compiler that cannot load the plugin,
# with a message that says so.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DOTHER_CXX=...
#       -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...] -P non_clang.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
run("install phanos into ${prefix}"
  "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" ${config_args})

set(make_args "")
if(MAKE_PROGRAM)
  set(make_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${PROJECT_DIR}" -B "${build}" -G "${GENERATOR}" ${make_args}
    "-DCMAKE_CXX_COMPILER=${OTHER_CXX}" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "FAILED: configuring with ${OTHER_CXX} succeeded\n${out}\n${err}")
endif()
if(NOT err MATCHES "phanos_instrument\\(app\\): the phanos plugin is a Clang [0-9]+ plugin")
  message(FATAL_ERROR "FAILED: no clear message about the compiler\n${out}\n${err}")
endif()
message(STATUS "ok: configuring with ${OTHER_CXX} fails with a clear message")
