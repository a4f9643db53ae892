# Test: every function kind, instrumented by an outside project through the
# installed package. Installs the phanos build into a fresh prefix, builds
# test/consumer/kinds with the lit programs KIND_SOURCES, runs each, and
# checks its output with FileCheck against the CHECK lines of its source,
# exactly as the lit suite does in the build tree.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DKIND_SOURCES=a.cpp|b.cpp
#       -DKIND_INPUTS=... -DFILECHECK=... -DCXX=... -DGENERATOR=... [-DMAKE_PROGRAM=...]
#       [-DCONFIG=...] -P kinds.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
fresh_work_dir()
install_phanos("${BUILD_DIR}" "${prefix}")
consumer_configure_command(configure "${PROJECT_DIR}" "${build}" "${prefix}" "${CXX}"
  -DCMAKE_BUILD_TYPE=Release "-DKIND_SOURCES=${KIND_SOURCES}" "-DKIND_INPUTS=${KIND_INPUTS}")
run("configure the kinds project" ${configure})
consumer_build("build the kinds project" "${build}")

string(REPLACE "|" ";" KIND_SOURCES "${KIND_SOURCES}")
foreach(source IN LISTS KIND_SOURCES)
  get_filename_component(name "${source}" NAME_WE)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG "${build}/${name}"
    COMMAND "${FILECHECK}" "${source}"
    RESULTS_VARIABLE results
    ERROR_VARIABLE errors)
  if(NOT results STREQUAL "0;0")
    message("${errors}")
    message(FATAL_ERROR "FAILED: ${name}: exit codes (program;FileCheck) ${results}")
  endif()
  message(STATUS "ok: ${name}")
endforeach()
