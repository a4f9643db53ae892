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
