# Which plugins this build makes (PHANOS_CLANG_VERSIONS, checked against the
# supported and installed versions), and which parts of the build can use
# them. Sets:
#   PHANOS_BUILD_PLUGIN           OFF when the C++ compiler is not Clang
#   phanos_CLANG_VERSIONS         the versions built (as the installed package names them)
#   PHANOS_INSTRUMENTED_PROGRAMS  whether programs compiled with the plugin by this
#                                 project's compiler (demo, integration tests) are built

if(PHANOS_BUILD_PLUGIN AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # A normal variable: the cached option keeps what the user chose.
  set(PHANOS_BUILD_PLUGIN OFF)
  message(STATUS "phanos: the C++ compiler is ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}, "
    "not Clang: building the runtime, the collector and the unit tests only; skipped the plugin, "
    "the demo, and the lit, consumer and integration tests (-DCMAKE_CXX_COMPILER=clang++-<N> builds them)")
endif()

set(phanos_CLANG_VERSIONS "")
if(PHANOS_BUILD_PLUGIN)
  if(NOT PHANOS_CLANG_VERSIONS)
    string(REPLACE ";" ", " _supported "${PHANOS_SUPPORTED_CLANG_VERSIONS}")
    message(FATAL_ERROR "phanos: no supported Clang is installed (supported: ${_supported}); "
      "install e.g. clang-<N> llvm-<N>-dev libclang-<N>-dev, or configure with "
      "-DPHANOS_BUILD_PLUGIN=OFF to build the runtime only")
  endif()
  phanos_installed_clang_versions(_phanos_installed)
  foreach(_version IN LISTS PHANOS_CLANG_VERSIONS)
    if(NOT _version IN_LIST PHANOS_SUPPORTED_CLANG_VERSIONS)
      string(REPLACE ";" ", " _supported "${PHANOS_SUPPORTED_CLANG_VERSIONS}")
      message(FATAL_ERROR "phanos: PHANOS_CLANG_VERSIONS names Clang ${_version}, which phanos "
        "does not support (supported: ${_supported}); docs/clang-versions.md says what adding one takes")
    endif()
    if(NOT _version IN_LIST _phanos_installed)
      message(FATAL_ERROR "phanos: PHANOS_CLANG_VERSIONS names Clang ${_version}, whose development "
        "packages are not installed (no llvm-config-${_version}, or no ClangConfig.cmake where it "
        "points); install clang-${_version} llvm-${_version}-dev libclang-${_version}-dev, or leave ${_version} out")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES PHANOS_CLANG_VERSIONS)
  set(phanos_CLANG_VERSIONS "${PHANOS_CLANG_VERSIONS}")
endif()

# Programs compiled with the plugin by this project's compiler and linked with
# the runtime are built only where that compiler's plugin is and the runtime
# is not sanitized: a sanitized runtime needs programs built with the same
# sanitizers (lit builds its own so).
string(REGEX MATCH "^[0-9]+" PHANOS_CXX_COMPILER_MAJOR "${CMAKE_CXX_COMPILER_VERSION}")
set(PHANOS_INSTRUMENTED_PROGRAMS OFF)
if(PHANOS_BUILD_PLUGIN AND NOT PHANOS_SANITIZE)
  if(PHANOS_CXX_COMPILER_MAJOR IN_LIST phanos_CLANG_VERSIONS)
    set(PHANOS_INSTRUMENTED_PROGRAMS ON)
  else()
    message(STATUS "phanos: no plugin for this project's compiler (Clang ${PHANOS_CXX_COMPILER_MAJOR}) "
      "among PHANOS_CLANG_VERSIONS (${PHANOS_CLANG_VERSIONS}): skipped the demo and the integration tests")
  endif()
endif()
