# Test: phanos built and installed with no component, its dependencies
# forbidden (CMAKE_DISABLE_FIND_PACKAGE_*), then an outside project that asks
# for no component builds and runs against it. The installed libphanos.so
# links no spdlog, rabbitmq-c or HTTP library (ldd, nm -D), the prefix holds
# no component header, and the consumer's source includes none of theirs.
#
# cmake -DSOURCE_DIR=... -DWORK_DIR=... -DPROJECT_DIR=... -DCXX=... -DLIBDIR=...
#       -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=...] -P core_only.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(phanos_build "${WORK_DIR}/phanos")
set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
set(forbidden -DCMAKE_DISABLE_FIND_PACKAGE_spdlog=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)
# A component's dependencies, as libraries, symbols (mangled: 6spdlog,
# 3fmt) and header paths.
set(component_libraries "libspdlog|libfmt|librabbitmq|httplib")
set(component_symbols "spdlog|[0-9]fmt[0-9]|amqp_|httplib")
set(component_headers "/spdlog/|/fmt/|amqp|httplib")
fresh_work_dir()

# What is checked below (the files installed, ldd, nm, the headers, a run)
# does not depend on optimisation: compiled without it, in half the time.
string(TOUPPER "CMAKE_CXX_FLAGS_${CONFIG}" config_flags)
consumer_configure_command(configure "${SOURCE_DIR}" "${phanos_build}" "${prefix}" "${CXX}"
  "-DCMAKE_BUILD_TYPE=${CONFIG}" "-D${config_flags}=-O0" -DPHANOS_BUILD_PLUGIN=OFF -DPHANOS_BUILD_TESTS=OFF
  -DPHANOS_BUILD_SPDLOG=OFF -DPHANOS_BUILD_RABBITMQ=OFF -DPHANOS_BUILD_PROMETHEUS=OFF ${forbidden})
run("configure phanos with no component" ${configure})
consumer_build("build phanos with no component" "${phanos_build}")
install_phanos("${phanos_build}" "${prefix}")

require_file("${prefix}/include/phanos/phanos.hpp" "${prefix}/${LIBDIR}/libphanos.so")
file(GLOB_RECURSE component_files RELATIVE "${prefix}" "${prefix}/include/*" "${prefix}/${LIBDIR}/*")
list(FILTER component_files INCLUDE REGEX "spdlog|rabbit|prometheus|libphanos_")
if(component_files)
  message(FATAL_ERROR "FAILED: a core-only install holds component files: ${component_files}")
endif()
message(STATUS "ok: the prefix holds no component's header or library")

run("ldd libphanos.so" ldd "${prefix}/${LIBDIR}/libphanos.so")
if(RUN_OUTPUT MATCHES "${component_libraries}")
  message(FATAL_ERROR "FAILED: libphanos.so needs a component's library:\n${RUN_OUTPUT}")
endif()
run("nm -D libphanos.so" nm -D "${prefix}/${LIBDIR}/libphanos.so")
string(REGEX MATCHALL "[^\n]*(${component_symbols})[^\n]*" symbols "${RUN_OUTPUT}")
# The weak references by which the core learns which components a program
# links (runtime/core/config/components.cpp) are the only ones allowed.
list(FILTER symbols EXCLUDE REGEX " w phanos_component_(spdlog|rabbitmq|prometheus)$")
if(symbols)
  message(FATAL_ERROR "FAILED: libphanos.so has symbols of a component's library: ${symbols}")
endif()
message(STATUS "ok: libphanos.so links no spdlog, rabbitmq-c or HTTP library")

# Every header the consumer's source includes, with the installed headers
# and the system's: none is a component's.
run("list the consumer's headers" "${CXX}" -std=c++17 -I "${prefix}/include" -M "${PROJECT_DIR}/main.cpp")
if(RUN_OUTPUT MATCHES "${component_headers}")
  message(FATAL_ERROR "FAILED: phanos/phanos.hpp includes a component's headers:\n${RUN_OUTPUT}")
endif()
message(STATUS "ok: phanos/phanos.hpp includes no component's headers")

consumer_configure_command(configure "${PROJECT_DIR}" "${build}" "${prefix}" "${CXX}" ${forbidden})
run("configure the consumer project" ${configure})
consumer_build("build the consumer project" "${build}")
run("run core_app" "${CMAKE_COMMAND}" -E env --unset=PHANOS_CONFIG "${build}/core_app")
expect_output("core_app" "${RUN_OUTPUT}" [[
handler: out
ConfigError: handlers.rabbit.class: class "ImpProfHandler" is in the component 'rabbitmq' (phanos::rabbitmq), which this program does not link
]])
