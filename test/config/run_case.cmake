# Runs the PHANOS_CONFIG test program (program.cpp) once, with PHANOS_CONFIG
# set as case CASE says, and checks its stdout, stderr and exit code.
#
# cmake -DPROGRAM=<program> -DWORK_DIR=<scratch dir> -DCASE=<case> -P run_case.cmake

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# What the program prints by itself.
set(program_lines "program: start\nprogram: hello world\nprogram: end\n")
# What a StreamHandler adds, times masked.
set(profile_lines "profiler: time_profiler, method: Greeter:greet.name, value: <ms> mS
profiler: time_profiler, method: Greeter:greet, value: <ms> mS
")
set(stdout_handler [=["out": {"class": "phanos.publisher.StreamHandler", "handler_name": "out", "output": "ext://sys.stdout"}]=])

function(fail what)
  message(FATAL_ERROR "FAILED (${CASE}): ${what}\nPHANOS_CONFIG: $ENV{PHANOS_CONFIG}\n"
    "--- exit code ---\n${rc}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
endfunction()

function(mask_times text out_var)
  string(REGEX REPLACE "value: [0-9.e+-]+ mS" "value: <ms> mS" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Sets rc, out (times masked) and err in the caller.
macro(run_program)
  execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  mask_times("${out}" out)
  if(NOT rc EQUAL 3)
    fail("the program's own exit code 3 was expected")
  endif()
endmacro()

macro(expect_stdout expected)
  if(NOT out STREQUAL "${expected}")
    fail("stdout differs, expected:\n${expected}")
  endif()
endmacro()

macro(expect_no_stderr)
  if(NOT err STREQUAL "")
    fail("nothing was expected on stderr")
  endif()
endmacro()

# A rejected configuration: the program's own stdout and exit code, and at
# most three lines on stderr, each from phanos, naming the problem.
macro(expect_rejected problem)
  run_program()
  expect_stdout("${program_lines}")
  # (Matched as one string: the lines hold ';', CMake's list separator.)
  if(NOT err MATCHES "^(phanos: PHANOS_CONFIG[^\n]*\n)(phanos: PHANOS_CONFIG[^\n]*\n)?(phanos: PHANOS_CONFIG[^\n]*\n)?$")
    fail("one to three lines on stderr, each starting with 'phanos: PHANOS_CONFIG', were expected")
  endif()
  foreach(part ${problem} ${ARGN})
    string(FIND "${err}" "${part}" at)
    if(at EQUAL -1)
      fail("stderr should name: ${part}")
    endif()
  endforeach()
endmacro()

unset(ENV{PHANOS_CONFIG})

if(CASE STREQUAL "unset")
  run_program()
  expect_stdout("${program_lines}")
  expect_no_stderr()

elseif(CASE STREQUAL "empty")
  set(ENV{PHANOS_CONFIG} "")
  run_program()
  expect_stdout("${program_lines}")
  expect_no_stderr()

elseif(CASE STREQUAL "inline_stdout")
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"handlers\": {${stdout_handler}}}")
  run_program()
  expect_stdout("program: start\nprogram: hello world\n${profile_lines}program: end\n")
  expect_no_stderr()

elseif(CASE STREQUAL "file")
  # Also a StreamHandler appending to a file.
  set(log "${WORK_DIR}/profile.log")
  file(WRITE "${log}" "before\n")
  file(WRITE "${WORK_DIR}/phanos.json" "{
    \"job\": \"config_test\",
    \"handlers\": {
      ${stdout_handler},
      \"file\": {\"class\": \"StreamHandler\", \"handler_name\": \"file\", \"output\": \"${log}\"}
    }
  }")
  set(ENV{PHANOS_CONFIG} "${WORK_DIR}/phanos.json")
  run_program()
  expect_stdout("program: start\nprogram: hello world\n${profile_lines}program: end\n")
  expect_no_stderr()
  file(READ "${log}" logged)
  mask_times("${logged}" logged)
  if(NOT logged STREQUAL "before\n${profile_lines}")
    fail("profile.log should hold 'before' and the profile lines, holds:\n${logged}")
  endif()

elseif(CASE STREQUAL "logger_handler")
  set(ENV{PHANOS_CONFIG} [=[{"job": "config_test", "handlers": {"log": {"class": "phanos.handlers.LoggerHandler", "handler_name": "log", "level": "INFO"}}}]=])
  run_program()
  # As in Python phanos: no logger given, so logger PHANOS, whose plain
  # lines go to stdout.
  expect_stdout("program: start\nprogram: hello world\n${profile_lines}program: end\n")
  expect_no_stderr()

elseif(CASE STREQUAL "key_with_a_line_break")
  # An unknown key is a warning naming it; the line break in it is escaped,
  # so it cannot forge a line of its own on the program's stderr.
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"x\\nphanos: error: FORGED\": 1, \"handlers\": {${stdout_handler}}}")
  run_program()
  expect_stdout("program: start\nprogram: hello world\n${profile_lines}program: end\n")
  if(NOT err STREQUAL "phanos: warning: dict_config: x\\nphanos: error: FORGED: unknown key, ignored\n")
    fail("stderr should hold one warning line quoting the key escaped")
  endif()

# Every bad configuration also lists a valid stdout handler: if anything of
# it were applied, profile lines would show on stdout.
elseif(CASE STREQUAL "not_json")
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"handlers\": {${stdout_handler}}")
  expect_rejected("not valid JSON")

elseif(CASE STREQUAL "not_an_object")
  file(WRITE "${WORK_DIR}/list.json" "[{\"job\": \"config_test\", \"handlers\": {${stdout_handler}}}]")
  set(ENV{PHANOS_CONFIG} "${WORK_DIR}/list.json")
  expect_rejected("expected a JSON object at the top level" "${WORK_DIR}/list.json")

elseif(CASE STREQUAL "missing_job")
  set(ENV{PHANOS_CONFIG} "{\"handlers\": {${stdout_handler}}}")
  expect_rejected("job: required key is missing")

elseif(CASE STREQUAL "unknown_class")
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"handlers\": {${stdout_handler}, \"h\": {\"class\": \"phanos.publisher.NoSuchHandler\", \"handler_name\": \"h\"}}}")
  expect_rejected("handlers.h.class: unknown handler class \"phanos.publisher.NoSuchHandler\"")

elseif(CASE STREQUAL "rabbitmq_class")
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"handlers\": {${stdout_handler}, \"rabbit\": {\"class\": \"phanos.publisher.ImpProfHandler\", \"handler_name\": \"rabbit\", \"port\": \"abc\"}}}")
  expect_rejected("handlers.rabbit.port: expected an integer, got \"abc\"")

elseif(CASE STREQUAL "wrong_type")
  set(ENV{PHANOS_CONFIG} "{\"job\": \"config_test\", \"time_profile\": \"yes\", \"handlers\": {${stdout_handler}}}")
  expect_rejected("time_profile: expected true or false, got \"yes\"")

elseif(CASE STREQUAL "unreadable_file")
  set(ENV{PHANOS_CONFIG} "${WORK_DIR}/missing.json")
  expect_rejected("cannot read the file: No such file or directory" "${WORK_DIR}/missing.json")

else()
  message(FATAL_ERROR "unknown case '${CASE}'")
endif()
