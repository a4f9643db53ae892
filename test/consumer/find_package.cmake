# Test: install the phanos build into a fresh prefix, then configure, build
# and run test/consumer/project with find_package(phanos) and
# phanos_instrument(app), and check what it prints.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DCXX=...
#       -DCLANG_VERSIONS=14|15 -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...] -DLIBDIR=...
#       -P find_package.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
fresh_work_dir()
install_phanos("${BUILD_DIR}" "${prefix}")
# One plugin per Clang version, side by side, and one runtime.
string(REPLACE "|" ";" CLANG_VERSIONS "${CLANG_VERSIONS}")
foreach(version IN LISTS CLANG_VERSIONS)
  require_file("${prefix}/${LIBDIR}/phanos/clang-${version}/phanos.so")
endforeach()
require_file(
  "${prefix}/include/phanos/phanos.hpp"
  "${prefix}/${LIBDIR}/libphanos.so"
  "${prefix}/bin/phanos-clang++"
  "${prefix}/bin/phanos-collector"
  "${prefix}/${LIBDIR}/cmake/phanos/phanosConfig.cmake"
  "${prefix}/${LIBDIR}/cmake/phanos/phanosConfigVersion.cmake"
  "${prefix}/${LIBDIR}/cmake/phanos/phanosTargets.cmake"
  "${prefix}/${LIBDIR}/cmake/phanos/PhanosInstrument.cmake"
  "${prefix}/include/phanos/spdlog.hpp"
  "${prefix}/include/phanos/rabbitmq.hpp"
  "${prefix}/${LIBDIR}/libphanos_spdlog.so"
  "${prefix}/${LIBDIR}/libphanos_rabbitmq.so")
run("installed phanos-collector --version" "${prefix}/bin/phanos-collector" --version)
if(NOT RUN_OUTPUT MATCHES "^phanos-collector \\(phanos [0-9.]+\\)\n$")
  message(FATAL_ERROR "FAILED: unexpected phanos-collector --version output:\n${RUN_OUTPUT}")
endif()
consumer_configure_command(configure "${PROJECT_DIR}" "${build}" "${prefix}" "${CXX}" -DCMAKE_BUILD_TYPE=Release)
run("configure the consumer project" ${configure})

# The package must come from the prefix, not from anywhere else.
file(STRINGS "${build}/CMakeCache.txt" phanos_dir REGEX "^phanos_DIR:")
if(NOT phanos_dir STREQUAL "phanos_DIR:PATH=${prefix}/${LIBDIR}/cmake/phanos")
  message(FATAL_ERROR "FAILED: phanos was found elsewhere: ${phanos_dir}")
endif()

# The package names its plugins, and phanos::plugin is the one of the
# consumer's compiler (the project prints both).
execute_process(COMMAND "${CXX}" -dumpversion OUTPUT_VARIABLE cxx_version)
string(REGEX MATCH "^[0-9]+" cxx_major "${cxx_version}")
list(JOIN CLANG_VERSIONS ";" versions_text)
if(NOT RUN_OUTPUT MATCHES "phanos plugins for Clang ${versions_text}\n"
   OR NOT RUN_OUTPUT MATCHES "phanos::plugin: [^\n]*/phanos/clang-${cxx_major}/phanos.so\n")
  message(FATAL_ERROR "FAILED: the package does not name the plugins, or phanos::plugin is not "
    "the one of Clang ${cxx_major}:\n${RUN_OUTPUT}")
endif()
message(STATUS "ok: phanos_CLANG_VERSIONS and phanos::plugin")

consumer_build("build the consumer project" "${build}")

# The profiled program: its own output unchanged, and a record per profiled
# call, children before their parent, each root flushed when it returns.
run("run app" "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG "${build}/app")
expect_output("app" "${RUN_OUTPUT}" [[
profiler: time_profiler, method: Widget:run.step, value: <t> mS
profiler: time_profiler, method: Widget:run.step, value: <t> mS
profiler: time_profiler, method: Widget:run.step, value: <t> mS
profiler: time_profiler, method: Widget:run, value: <t> mS
run() = 6
profiler: time_profiler, method: shop:helper, value: <t> mS
helper(41) = 42
]])

# The same source compiled without the plugin profiles nothing.
run("run app_plain" "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG "${build}/app_plain")
expect_output("app_plain" "${RUN_OUTPUT}" [[
run() = 6
helper(41) = 42
]])

# Under --as-needed the components stay linked, and PHANOS_CONFIG names a
# handler class of one: its records go to the spdlog logger it names, which
# nobody registered, so (as an unconfigured Python logger) it writes warnings
# as plain lines on stderr (one message per hand-over, its records one a line).
set(named_logger_config [[{"job": "consumer", "handlers": {"log": {"class": "NamedLoggerHandler", "handler_name": "log", "logger_name": "consumer_log", "level": "WARNING"}}}]])
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PHANOS_CONFIG=${named_logger_config}" "${build}/app_as_needed"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err MATCHES "(^|\n)profiler: time_profiler, method: Widget:run\\.step, value: ")
  message(FATAL_ERROR "FAILED: app_as_needed did not log its records through NamedLoggerHandler (exit ${rc})\n"
    "--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
message(STATUS "ok: app_as_needed: NamedLoggerHandler from PHANOS_CONFIG")

# The core alone: the same configuration is refused, naming the component.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PHANOS_CONFIG=${named_logger_config}" "${build}/app_core_only"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT err MATCHES "phanos: PHANOS_CONFIG: handlers\\.log\\.class: class \"NamedLoggerHandler\" is in the component 'spdlog' \\(phanos::spdlog\\), which this program does not link; profiling stays off\n")
  message(FATAL_ERROR "FAILED: app_core_only did not refuse NamedLoggerHandler naming the component\n"
    "--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
message(STATUS "ok: app_core_only: a class of a component not linked is refused, naming it")
