# Test: the phanos-clang++ wrapper compiles, links and runs a one-file program
# (in one step, and with -c then a separate link), and --version works.
#
# cmake -DWRAPPER=<path> | (-DINSTALL_FROM=<build dir> [-DCONFIG=...])
#       -DWORK_DIR=... -DSOURCE=.../hello.cpp -DCXX=... -P wrapper.cmake
#
# With INSTALL_FROM, the build is first installed into a prefix whose path
# has a space, and the installed wrapper is tested.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

fresh_work_dir()

if(INSTALL_FROM)
  set(prefix "${WORK_DIR}/a prefix")
  install_phanos("${INSTALL_FROM}" "${prefix}")
  set(WRAPPER "${prefix}/bin/phanos-clang++")
endif()

set(env "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG --unset=PHANOS_PLUGIN "PHANOS_CXX=${CXX}")

# The plugin of the clang++ it runs, CXX's Clang version.
execute_process(COMMAND "${CXX}" -dumpversion OUTPUT_VARIABLE cxx_version)
string(REGEX MATCH "^[0-9]+" cxx_major "${cxx_version}")
run("phanos-clang++ --version" ${env} "${WRAPPER}" --version)
if(NOT RUN_OUTPUT MATCHES "^phanos-clang\\+\\+ \\(phanos [0-9.]+\\)\nplugin: +[^\n]*/clang-${cxx_major}/phanos.so\n.*clang version ${cxx_major}\\.")
  message(FATAL_ERROR "FAILED: unexpected --version output:\n${RUN_OUTPUT}")
endif()
run("phanos-clang++ --help" ${env} "${WRAPPER}" --help)

get_filename_component(source_dir "${SOURCE}" DIRECTORY)
file(READ "${source_dir}/hello.expected" expected)

# One step: compile and link.
run("phanos-clang++ hello.cpp -o hello" ${env} "${WRAPPER}" -O1 "${SOURCE}" -o "${WORK_DIR}/hello")
run("run hello" ${env} "${WORK_DIR}/hello")
expect_output("hello" "${RUN_OUTPUT}" "${expected}")

# Two steps: -c, then link the object.
run("phanos-clang++ -c hello.cpp" ${env} "${WRAPPER}" -std=c++17 -c "${SOURCE}" -o "${WORK_DIR}/hello2.o")
run("phanos-clang++ hello2.o -o hello2" ${env} "${WRAPPER}" "${WORK_DIR}/hello2.o" -o "${WORK_DIR}/hello2")
run("run hello2" ${env} "${WORK_DIR}/hello2")
expect_output("hello2" "${RUN_OUTPUT}" "${expected}")

# The plugin's own arguments pass through: with "off" nothing is profiled.
run("phanos-clang++ -fplugin-arg-phanos-off hello.cpp" ${env} "${WRAPPER}" -fplugin-arg-phanos-off "${SOURCE}" -o "${WORK_DIR}/hello_off")
run("run hello_off" ${env} "${WORK_DIR}/hello_off")
expect_output("hello_off" "${RUN_OUTPUT}" "sum_of_squares(2) = 5\n")
