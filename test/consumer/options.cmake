# Test: phanos_instrument(<target> INSTRUMENT_FILES ... EXCLUDE_FUNCTIONS ...
# MIN_STATEMENTS ...) puts the plugin arguments on the compile command line
# exactly as written, and refuses a malformed call with a clear message.
# Installs the phanos build into a fresh prefix and configures
# test/consumer/options against it.
#
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DCXX=...
#       -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...] -P options.cmake
cmake_policy(VERSION 3.20)  # IN_LIST
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
fresh_work_dir()
install_phanos("${BUILD_DIR}" "${prefix}")
consumer_configure_command(configure "${PROJECT_DIR}" "${build}" "${prefix}" "${CXX}")
run("configure the options project" ${configure})

# The compile command as the build tool would run it (a dry run), split as
# the shell splits it. (Not compile_commands.json: CMake writes Ninja's '$$'
# into it.)
run("dry-run the build" "${CMAKE_COMMAND}" --build "${build}" --target app --verbose -- -n)
string(REGEX MATCH "[^\n]*-fplugin-arg-phanos-min-statements[^\n]*" command "${RUN_OUTPUT}")
separate_arguments(arguments UNIX_COMMAND "${command}")
foreach(expected IN ITEMS
    [[-fplugin-arg-phanos-instrument-files=(project|src)/[a-z]{1,8}\.cpp$| with space]]
    [[-fplugin-arg-phanos-exclude-functions=^(shop::skip|operator->)$]]
    [[-fplugin-arg-phanos-min-statements=3]])
  if(NOT expected IN_LIST arguments)
    message(FATAL_ERROR "FAILED: '${expected}' is not an argument of the compile command:\n${command}")
  endif()
  message(STATUS "ok: ${expected}")
endforeach()

# The unannotated file, built and run: its functions' records, as if annotated.
consumer_build("build the unannotated program" "${build}")
run("run unannotated" "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG "${build}/unannotated")
expect_output("unannotated" "${RUN_OUTPUT}" [[
profiler: time_profiler, method: unannotated:sum_of_squares.square, value: <t> mS
profiler: time_profiler, method: unannotated:sum_of_squares.square, value: <t> mS
profiler: time_profiler, method: unannotated:sum_of_squares, value: <t> mS
sum_of_squares(2) = 5
]])

# Mistakes: configuring fails, naming the option and the target.
foreach(mistake IN ITEMS min_statements missing_value)
  set(expected_min_statements "phanos_instrument\\(bad\\): MIN_STATEMENTS must be a number of statements, not 'few'")
  set(expected_missing_value "phanos_instrument\\(bad\\): unexpected arguments 'INSTRUMENT_FILES'")
  consumer_configure_command(configure "${PROJECT_DIR}" "${WORK_DIR}/${mistake}" "${prefix}" "${CXX}"
    "-DPHANOS_OPTIONS_MISTAKE=${mistake}")
  execute_process(COMMAND ${configure} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX REPLACE "[ \n]+" " " err_text "${err}")  # CMake wraps long messages
  if(rc EQUAL 0 OR NOT err_text MATCHES "${expected_${mistake}}")
    message(FATAL_ERROR "FAILED: ${mistake}: no clear error (exit ${rc})\n${out}\n${err}")
  endif()
  message(STATUS "ok: ${mistake} is refused with a clear message")
endforeach()
