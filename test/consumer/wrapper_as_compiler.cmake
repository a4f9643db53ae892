# Test: phanos-clang++ as a build's C++ compiler, with CXX naming the wrapper
# itself (as CMake's compiler checks arrange) and nothing else chosen: a CMake
# project configured with -DCMAKE_CXX_COMPILER=<wrapper>
# (test/consumer/wrapper_project), `CXX=phanos-clang++ make`
# (test/consumer/wrapper/Makefile), and the wrapper through a symlink of
# another name. Each builds test/consumer/wrapper/hello.cpp, profiled.
#
# cmake -DINSTALL_FROM=<build dir> -DWORK_DIR=... -DPROJECT_DIR=.../wrapper_project
#       -DSOURCE=.../wrapper/hello.cpp -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...]
#       -P wrapper_as_compiler.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

fresh_work_dir()
set(prefix "${WORK_DIR}/prefix")
install_phanos("${INSTALL_FROM}" "${prefix}")
set(wrapper "${prefix}/bin/phanos-clang++")
get_filename_component(source_dir "${SOURCE}" DIRECTORY)
file(READ "${source_dir}/hello.expected" expected)

# env(<out var> <cxx>): a command prefix with CXX=<cxx> and no phanos choice.
function(env out cxx)
  set(${out} "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG --unset=PHANOS_PLUGIN --unset=PHANOS_CXX
    "CXX=${cxx}" PARENT_SCOPE)
endfunction()
env(with_wrapper "${wrapper}")

consumer_configure_command(configure "${PROJECT_DIR}" "${WORK_DIR}/cmake" "${prefix}" "${wrapper}")
run("configure with CMAKE_CXX_COMPILER=phanos-clang++" ${with_wrapper} ${configure})
consumer_build("build with CMAKE_CXX_COMPILER=phanos-clang++" "${WORK_DIR}/cmake")
run("run hello (CMake)" ${with_wrapper} "${WORK_DIR}/cmake/hello")
expect_output("hello (CMake)" "${RUN_OUTPUT}" "${expected}")

file(MAKE_DIRECTORY "${WORK_DIR}/make")
run("CXX=phanos-clang++ make" ${with_wrapper}
  make -C "${WORK_DIR}/make" -f "${source_dir}/Makefile" "VPATH=${source_dir}" "CXX=${wrapper}")
run("run hello (make)" ${with_wrapper} "${WORK_DIR}/make/hello")
expect_output("hello (make)" "${RUN_OUTPUT}" "${expected}")

# Another name for it, still a clang++ by its name.
file(CREATE_LINK "${wrapper}" "${WORK_DIR}/my-clang++" SYMBOLIC)
env(with_link "${WORK_DIR}/my-clang++")
run("CXX=my-clang++ (a symlink to the wrapper) my-clang++ hello.cpp" ${with_link}
  "${WORK_DIR}/my-clang++" "${SOURCE}" -o "${WORK_DIR}/hello_link")
run("run hello (symlink)" ${with_link} "${WORK_DIR}/hello_link")
expect_output("hello (symlink)" "${RUN_OUTPUT}" "${expected}")

# PHANOS_CXX naming the wrapper is a mistake, said so.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PHANOS_CXX=${wrapper}" "${wrapper}" "${SOURCE}" -o "${WORK_DIR}/never"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "PHANOS_CXX names phanos-clang\\+\\+ itself")
  message(FATAL_ERROR "FAILED: PHANOS_CXX=<the wrapper> was not refused clearly (exit ${rc}): ${err}")
endif()
message(STATUS "ok: PHANOS_CXX=<the wrapper> is refused with a clear message")
