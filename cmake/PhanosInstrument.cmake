# phanos_instrument(<target>)
#
# Compiles the C++ sources of <target> with the phanos Clang plugin, so that
# every function annotated [[phanos::profile]] is profiled, and links
# <target> with the phanos runtime (phanos::runtime, which also brings the
# include directory of <phanos/phanos.hpp>).
#
# Used in the phanos build tree (examples, tests) and by the installed CMake
# package (phanosConfig.cmake includes this file after the imported targets
# phanos::plugin and phanos::runtime are defined).
#
# The plugin is built against Clang 14 and can only be loaded into that
# compiler, so the C++ compiler of the project must be
# that Clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14).
#
# Sources of <target> are recompiled when the plugin file changes.

include_guard(GLOBAL)

function(phanos_instrument target)
  if(ARGC GREATER 1)
    message(FATAL_ERROR "phanos_instrument: takes exactly one target, got: ${ARGV}")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "phanos_instrument: '${target}' is not a target")
  endif()
  if(TARGET phanos::runtime AND NOT TARGET phanos::plugin)
    message(FATAL_ERROR
      "phanos_instrument(${target}): this phanos has no plugin (it was built "
      "with PHANOS_BUILD_PLUGIN=OFF); only phanos::runtime can be used")
  endif()
  if(NOT TARGET phanos::plugin OR NOT TARGET phanos::runtime)
    message(FATAL_ERROR
      "phanos_instrument(${target}): the targets phanos::plugin and "
      "phanos::runtime are not defined; call find_package(phanos CONFIG REQUIRED) first")
  endif()

  get_target_property(_type "${target}" TYPE)
  get_target_property(_imported "${target}" IMPORTED)
  get_target_property(_aliased "${target}" ALIASED_TARGET)
  if(_aliased)
    set(target "${_aliased}")
  endif()
  if(_imported)
    message(FATAL_ERROR "phanos_instrument(${target}): an imported target cannot be instrumented")
  endif()
  if(NOT _type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY|STATIC_LIBRARY|OBJECT_LIBRARY)$")
    message(FATAL_ERROR
      "phanos_instrument(${target}): only executables and static, shared, "
      "module or object libraries can be instrumented (this one is ${_type})")
  endif()

  # The plugin only loads into the Clang it was built for
  # (phanosConfig.cmake sets PHANOS_CLANG_VERSION_MAJOR).
  if(NOT PHANOS_CLANG_VERSION_MAJOR)
    set(PHANOS_CLANG_VERSION_MAJOR 14)
  endif()
  get_property(_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "CXX" IN_LIST _languages)
    message(FATAL_ERROR "phanos_instrument(${target}): the CXX language is not enabled in this project")
  endif()
  string(REGEX MATCH "^[0-9]+" _major "${CMAKE_CXX_COMPILER_VERSION}")
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT _major STREQUAL PHANOS_CLANG_VERSION_MAJOR)
    message(FATAL_ERROR
      "phanos_instrument(${target}): the phanos plugin is a Clang "
      "${PHANOS_CLANG_VERSION_MAJOR} plugin and cannot be loaded by the C++ "
      "compiler of this project (${CMAKE_CXX_COMPILER_ID} "
      "${CMAKE_CXX_COMPILER_VERSION}, ${CMAKE_CXX_COMPILER}). Configure with "
      "-DCMAKE_CXX_COMPILER=clang++-${PHANOS_CLANG_VERSION_MAJOR} (a fresh build "
      "directory is needed to change the compiler).")
  endif()

  get_target_property(_done "${target}" PHANOS_INSTRUMENTED)
  if(_done)
    return()  # instrumented already
  endif()
  set_target_properties("${target}" PROPERTIES PHANOS_INSTRUMENTED TRUE)

  # Load the plugin for the C++ sources of the target.
  target_compile_options("${target}" PRIVATE
    "$<$<COMPILE_LANGUAGE:CXX>:-fplugin=$<TARGET_FILE:phanos::plugin>>")

  # In the phanos build tree the plugin is built by this project: build it
  # before the target's sources are compiled.
  get_target_property(_plugin phanos::plugin ALIASED_TARGET)
  if(_plugin)
    add_dependencies("${target}" "${_plugin}")
  endif()

  # Link the runtime. Properties rather than target_link_libraries(), so this
  # works whichever target_link_libraries() signature the project uses.
  set_property(TARGET "${target}" APPEND PROPERTY LINK_LIBRARIES phanos::runtime)
  if(_type STREQUAL "STATIC_LIBRARY" OR _type STREQUAL "OBJECT_LIBRARY")
    set_property(TARGET "${target}" APPEND PROPERTY
      INTERFACE_LINK_LIBRARIES "$<LINK_ONLY:phanos::runtime>")
  endif()

  # Recompile when the plugin changes. OBJECT_DEPENDS is a source property,
  # so set it once all sources of the target are known: at the end of the
  # directory that called phanos_instrument(). (Being a property of the
  # source, it also applies to other targets of that directory compiling the
  # same file: they are recompiled needlessly, never too little.)
  cmake_language(EVAL CODE "
    cmake_language(DEFER CALL _phanos_instrument_object_depends [[${target}]])")
endfunction()

# The path of the plugin file, for OBJECT_DEPENDS (which takes no generator
# expressions); empty when it cannot be known at configure time.
function(_phanos_plugin_file out)
  set(_file "")
  get_target_property(_plugin phanos::plugin ALIASED_TARGET)
  if(NOT _plugin)
    # Imported (the installed package): its location is known.
    get_target_property(_file phanos::plugin LOCATION)
  else()
    get_property(_multi GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
    get_target_property(_dir "${_plugin}" LIBRARY_OUTPUT_DIRECTORY)
    if(NOT _dir)
      get_target_property(_dir "${_plugin}" BINARY_DIR)
    endif()
    foreach(_p IN ITEMS LIBRARY_OUTPUT_NAME OUTPUT_NAME)
      get_target_property(_name "${_plugin}" ${_p})
      if(_name)
        break()
      endif()
    endforeach()
    if(NOT _name)
      set(_name "${_plugin}")
    endif()
    get_target_property(_prefix "${_plugin}" PREFIX)
    if(_prefix STREQUAL "_prefix-NOTFOUND")
      set(_prefix "${CMAKE_SHARED_MODULE_PREFIX}")
    endif()
    get_target_property(_suffix "${_plugin}" SUFFIX)
    if(_suffix STREQUAL "_suffix-NOTFOUND")
      set(_suffix "${CMAKE_SHARED_MODULE_SUFFIX}")
    endif()
    if(NOT _multi AND NOT "${_dir}${_name}${_prefix}${_suffix}" MATCHES "\\$<")
      set(_file "${_dir}/${_prefix}${_name}${_suffix}")
    endif()
  endif()
  if(NOT _file)
    set(_file "")
  endif()
  set(${out} "${_file}" PARENT_SCOPE)
endfunction()

function(_phanos_instrument_object_depends target)
  _phanos_plugin_file(_plugin_file)
  get_target_property(_sources "${target}" SOURCES)
  get_target_property(_source_dir "${target}" SOURCE_DIR)
  get_target_property(_binary_dir "${target}" BINARY_DIR)
  if(NOT _plugin_file OR NOT _sources)
    return()
  endif()
  foreach(_src IN LISTS _sources)
    if(_src MATCHES "\\$<")
      continue()  # a generator expression: cannot be resolved here
    endif()
    if(NOT IS_ABSOLUTE "${_src}")
      if(EXISTS "${_source_dir}/${_src}")
        set(_src "${_source_dir}/${_src}")
      else()
        set(_src "${_binary_dir}/${_src}")
      endif()
    endif()
    set_property(SOURCE "${_src}" TARGET_DIRECTORY "${target}" APPEND PROPERTY
      OBJECT_DEPENDS "${_plugin_file}")
  endforeach()
endfunction()
