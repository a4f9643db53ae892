# The Clang versions phanos supports, and how their installations are found.
#
# A Clang plugin loads only into the Clang major version whose headers it was
# compiled against, so phanos builds one plugin per version. This list is the
# one place that names versions: scripts/common.sh reads it too (for the
# Debian packages of each), and docs/clang-versions.md says what adding one
# takes. Oldest first.
#
# Included before project(): nothing here may rely on a compiler.
include_guard(GLOBAL)
set(PHANOS_SUPPORTED_CLANG_VERSIONS 14 15 16)
# The Debian 12 package of a version's sanitizer runtimes and libFuzzer, when
# it is not libclang-rt-<N>-dev (scripts/common.sh installs it).
set(PHANOS_CLANG_RT_PACKAGE_15 libclang-common-15-dev)

# phanos_clang_cmake_dir(<version> <out var>): the directory of the CMake
# package of Clang <version> (ClangConfig.cmake), asked from llvm-config-<N>
# (Debian: /usr/lib/llvm-<N>/lib/cmake/clang); empty when that version's
# development packages are not installed.
function(phanos_clang_cmake_dir version out)
  set(dir "")
  find_program(PHANOS_LLVM_CONFIG_${version} "llvm-config-${version}"
    DOC "llvm-config of LLVM ${version}, which says where its CMake packages are")
  if(PHANOS_LLVM_CONFIG_${version})
    execute_process(COMMAND "${PHANOS_LLVM_CONFIG_${version}}" --cmakedir
      OUTPUT_VARIABLE llvm_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
    get_filename_component(candidate "${llvm_dir}/../clang" ABSOLUTE)
    if(rc EQUAL 0 AND EXISTS "${candidate}/ClangConfig.cmake")
      set(dir "${candidate}")
    endif()
  endif()
  set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# phanos_installed_clang_versions(<out var>): the supported versions whose
# development packages are installed, oldest first.
function(phanos_installed_clang_versions out)
  set(found "")
  foreach(version IN LISTS PHANOS_SUPPORTED_CLANG_VERSIONS)
    phanos_clang_cmake_dir(${version} dir)
    if(dir)
      list(APPEND found ${version})
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# phanos_choose_compiler(): when no C++ compiler is named (no
# CMAKE_CXX_COMPILER, no CXX in the environment, no toolchain file), chooses the newest
# supported clang++-<N> whose development packages are installed, and the
# matching clang-<N> for C. Must run before project().
function(phanos_choose_compiler)
  if(DEFINED CMAKE_CXX_COMPILER OR DEFINED ENV{CXX} OR DEFINED CMAKE_TOOLCHAIN_FILE)
    return()
  endif()
  phanos_installed_clang_versions(versions)
  list(REVERSE versions)
  foreach(version IN LISTS versions)
    find_program(PHANOS_DEFAULT_CXX "clang++-${version}")
    find_program(PHANOS_DEFAULT_CC "clang-${version}")
    if(PHANOS_DEFAULT_CXX AND PHANOS_DEFAULT_CC)
      set(CMAKE_CXX_COMPILER "${PHANOS_DEFAULT_CXX}" CACHE FILEPATH "C++ compiler")
      if(NOT DEFINED CMAKE_C_COMPILER AND NOT DEFINED ENV{CC})
        set(CMAKE_C_COMPILER "${PHANOS_DEFAULT_CC}" CACHE FILEPATH "C compiler")
      endif()
      message(STATUS "phanos: no C++ compiler named; using clang++-${version} "
        "(the newest supported Clang installed; -DCMAKE_CXX_COMPILER=... chooses another)")
      return()
    endif()
    unset(PHANOS_DEFAULT_CXX CACHE)
    unset(PHANOS_DEFAULT_CC CACHE)
  endforeach()
endfunction()
