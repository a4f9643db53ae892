# Helpers for the consumer test scripts (run with cmake -P).

# run(<what> <command>...): runs the command, fails the test when it fails.
# Leaves its standard output in RUN_OUTPUT.
function(run what)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message("command: ${cmd}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
    message(FATAL_ERROR "FAILED: ${what} (exit ${rc})")
  endif()
  message(STATUS "ok: ${what}")
  set(RUN_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# expect_output(<what> <actual> <expected>): compares a program's output with
# the expected text, after replacing each measured value
# ("value: 0.01 mS") with "value: <t> mS".
function(expect_output what actual expected)
  string(REGEX REPLACE "value: [0-9]+\\.[0-9]+(e-?[0-9]+)? mS" "value: <t> mS"
    normalized "${actual}")
  if(NOT normalized STREQUAL expected)
    message("--- expected ---\n${expected}"
      "--- got (values normalized) ---\n${normalized}"
      "--- got ---\n${actual}")
    message(FATAL_ERROR "FAILED: ${what}: unexpected output")
  endif()
  message(STATUS "ok: ${what}: output as expected")
endfunction()

# require_file(<path>...)
function(require_file)
  foreach(f IN LISTS ARGN)
    if(NOT EXISTS "${f}")
      message(FATAL_ERROR "FAILED: missing installed file ${f}")
    endif()
  endforeach()
endfunction()

# fresh_work_dir(): empties WORK_DIR.
function(fresh_work_dir)
  file(REMOVE_RECURSE "${WORK_DIR}")
  file(MAKE_DIRECTORY "${WORK_DIR}")
endfunction()

# config_option(<out var>): `--config CONFIG` when CONFIG is set.
function(config_option out)
  set(option "")
  if(CONFIG)
    set(option --config "${CONFIG}")
  endif()
  set(${out} "${option}" PARENT_SCOPE)
endfunction()

# install_phanos(<from build dir> <prefix>): cmake --install, with CONFIG if set.
function(install_phanos from prefix)
  config_option(config_args)
  run("install phanos into ${prefix}" "${CMAKE_COMMAND}" --install "${from}" --prefix "${prefix}" ${config_args})
endfunction()

# consumer_configure_command(<out var> <source dir> <build dir> <prefix> <cxx> [-D...]):
# the command that configures an outside project against the phanos in
# <prefix> only (no package registry), with GENERATOR and MAKE_PROGRAM.
function(consumer_configure_command out source build prefix cxx)
  set(command "${CMAKE_COMMAND}" -S "${source}" -B "${build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${cxx}" "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF ${ARGN})
  if(MAKE_PROGRAM)
    list(APPEND command "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
  endif()
  set(${out} "${command}" PARENT_SCOPE)
endfunction()

# consumer_build(<what> <build dir>): cmake --build, with CONFIG if set.
function(consumer_build what build)
  config_option(config_args)
  run("${what}" "${CMAKE_COMMAND}" --build "${build}" ${config_args})
endfunction()
