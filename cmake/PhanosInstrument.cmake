# phanos_instrument(<target> [COMPONENTS <component>...] [INSTRUMENT_FILES <regex>]
#                   [EXCLUDE_FUNCTIONS <regex>] [MIN_STATEMENTS <n>])
#
# Compiles the C++ sources of <target> with the phanos Clang plugin, so that
# every function annotated [[phanos::profile]] is profiled, and links
# <target> with the phanos runtime (phanos::runtime, which also brings the
# include directory of <phanos/phanos.hpp>) and with every component
# available (phanos::spdlog, phanos::rabbitmq, phanos::prometheus: those
# built, or found by find_package), so that PHANOS_CONFIG can name any
# handler class; COMPONENTS links only those named, and COMPONENTS with no
# name the core alone. The components are
# linked even under --as-needed, as nothing in the program may reference
# them but their handler classes' names. The other options become the plugin
# arguments -fplugin-arg-phanos-instrument-files=<regex>,
# -fplugin-arg-phanos-exclude-functions=<regex> and
# -fplugin-arg-phanos-min-statements=<n> (README.md, the plugin's arguments);
# a regex is passed to the compiler as written, whatever characters it has.
#
# Used in the phanos build tree (examples, tests) and by the installed CMake
# package (phanosConfig.cmake includes this file after the imported targets
# phanos::plugin_clang<N> and phanos::runtime are defined, and sets
# phanos_CLANG_VERSIONS).
#
# A plugin loads only into the Clang it was built for: the plugin used is
# phanos::plugin_clang<N> for the major version <N> of the project's C++
# compiler, and there must be one.
#
# Sources of <target> are recompiled when the plugin file changes.

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/PhanosComponents.cmake")

# phanos_plugin_version(<out var>): the major version of this project's C++
# compiler when phanos has a plugin for it, else empty.
function(phanos_plugin_version out)
  set(version "")
  string(REGEX MATCH "^[0-9]+" major "${CMAKE_CXX_COMPILER_VERSION}")
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND major IN_LIST phanos_CLANG_VERSIONS)
    set(version "${major}")
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

# phanos_default_plugin_version(<out var>): the version of phanos::plugin,
# the plugin of this project's C++ compiler when there is one, else the
# newest (or empty when phanos has no plugin).
function(phanos_default_plugin_version out)
  phanos_plugin_version(version)
  if(NOT version AND phanos_CLANG_VERSIONS)
    set(versions ${phanos_CLANG_VERSIONS})
    list(SORT versions COMPARE NATURAL)
    list(GET versions -1 version)
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

function(phanos_instrument target)
  set(_options INSTRUMENT_FILES EXCLUDE_FUNCTIONS MIN_STATEMENTS)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "${_options}" "COMPONENTS")
  # COMPONENTS with no name: the core alone.
  set(_core_only FALSE)
  if("COMPONENTS" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    set(_core_only TRUE)
    list(REMOVE_ITEM arg_KEYWORDS_MISSING_VALUES COMPONENTS)
  endif()
  if(arg_UNPARSED_ARGUMENTS OR arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "phanos_instrument(${target}): unexpected arguments "
      "'${arg_UNPARSED_ARGUMENTS}${arg_KEYWORDS_MISSING_VALUES}' (a missing value?); it takes "
      "a target, then optionally COMPONENTS <component>..., INSTRUMENT_FILES <regex>, "
      "EXCLUDE_FUNCTIONS <regex>, MIN_STATEMENTS <n>")
  endif()
  set(_components "")
  if(NOT _core_only)
    _phanos_components_to_link("${target}" "${arg_COMPONENTS}" _components)
  endif()
  if(DEFINED arg_MIN_STATEMENTS AND NOT arg_MIN_STATEMENTS MATCHES "^[0-9]+$")
    message(FATAL_ERROR "phanos_instrument(${target}): MIN_STATEMENTS must be a number of "
      "statements, not '${arg_MIN_STATEMENTS}'")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "phanos_instrument: '${target}' is not a target")
  endif()
  if(NOT TARGET phanos::runtime)
    message(FATAL_ERROR
      "phanos_instrument(${target}): the target phanos::runtime is not defined; "
      "call find_package(phanos CONFIG REQUIRED) first")
  endif()
  if(NOT phanos_CLANG_VERSIONS)
    message(FATAL_ERROR
      "phanos_instrument(${target}): this phanos has no plugin (it was built "
      "with PHANOS_BUILD_PLUGIN=OFF or with a compiler other than Clang); only phanos::runtime can be used")
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

  get_property(_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "CXX" IN_LIST _languages)
    message(FATAL_ERROR "phanos_instrument(${target}): the CXX language is not enabled in this project")
  endif()
  phanos_plugin_version(_version)
  if(NOT _version)
    string(REPLACE ";" ", " _built "${phanos_CLANG_VERSIONS}")
    phanos_default_plugin_version(_newest)
    message(FATAL_ERROR
      "phanos_instrument(${target}): phanos has no plugin for the C++ compiler of this project "
      "(${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}, ${CMAKE_CXX_COMPILER}); a plugin "
      "loads only into the Clang it was built for, and this phanos has plugins for Clang ${_built}. "
      "Configure a fresh build directory with one of them (e.g. -DCMAKE_CXX_COMPILER=clang++-${_newest}), "
      "or build phanos for this compiler with -DPHANOS_CLANG_VERSIONS=<versions> (docs/clang-versions.md).")
  endif()
  set(_plugin_target "phanos::plugin_clang${_version}")

  get_target_property(_done "${target}" PHANOS_INSTRUMENTED)
  if(_done)
    return()  # instrumented already
  endif()
  set_target_properties("${target}" PROPERTIES PHANOS_INSTRUMENTED TRUE)

  # Load the plugin for the C++ sources of the target, with its arguments.
  set(_arguments "-fplugin=$<TARGET_FILE:${_plugin_target}>")
  foreach(_option IN LISTS _options)
    if(DEFINED arg_${_option})
      string(TOLOWER "${_option}" _name)
      string(REPLACE "_" "-" _name "${_name}")
      _phanos_genex_literal(_value "${arg_${_option}}")
      list(APPEND _arguments "-fplugin-arg-phanos-${_name}=${_value}")
    endif()
  endforeach()
  foreach(_argument IN LISTS _arguments)
    target_compile_options("${target}" PRIVATE "$<$<COMPILE_LANGUAGE:CXX>:${_argument}>")
  endforeach()

  # In the phanos build tree the plugin is built by this project: build it
  # before the target's sources are compiled.
  get_target_property(_plugin "${_plugin_target}" ALIASED_TARGET)
  if(_plugin)
    add_dependencies("${target}" "${_plugin}")
  endif()

  # Link the runtime and the components. Properties rather than
  # target_link_libraries(), so this works whichever target_link_libraries()
  # signature the project uses.
  set(_libraries phanos::runtime)
  if(_components)
    list(APPEND _libraries "-Wl,--push-state,--no-as-needed" ${_components} "-Wl,--pop-state")
  endif()
  set_property(TARGET "${target}" APPEND PROPERTY LINK_LIBRARIES ${_libraries})
  if(_type STREQUAL "STATIC_LIBRARY" OR _type STREQUAL "OBJECT_LIBRARY")
    foreach(_library IN LISTS _libraries)
      set_property(TARGET "${target}" APPEND PROPERTY INTERFACE_LINK_LIBRARIES "$<LINK_ONLY:${_library}>")
    endforeach()
  endif()

  # Recompile when the plugin changes. OBJECT_DEPENDS is a source property,
  # so set it once all sources of the target are known: at the end of the
  # directory that called phanos_instrument(). (Being a property of the
  # source, it also applies to other targets of that directory compiling the
  # same file: they are recompiled needlessly, never too little.)
  cmake_language(EVAL CODE "
    cmake_language(DEFER CALL _phanos_instrument_object_depends [[${target}]] [[${_plugin_target}]])")
endfunction()

# _phanos_components_to_link(<target> <components> <out var>): the
# phanos::<component> targets to link: those named (each must be defined),
# or with none named every one defined.
function(_phanos_components_to_link target components out)
  set(_targets "")
  if(NOT components)
    foreach(_component IN LISTS PHANOS_COMPONENTS)
      if(TARGET phanos::${_component})
        list(APPEND _targets phanos::${_component})
      endif()
    endforeach()
  endif()
  foreach(_component IN LISTS components)
    if(NOT _component IN_LIST PHANOS_COMPONENTS)
      string(REPLACE ";" ", " _known "${PHANOS_COMPONENTS}")
      message(FATAL_ERROR "phanos_instrument(${target}): COMPONENTS: '${_component}' is no component of "
        "phanos (they are ${_known})")
    endif()
    if(NOT TARGET phanos::${_component})
      message(FATAL_ERROR "phanos_instrument(${target}): COMPONENTS: the component '${_component}' "
        "(phanos::${_component}) is not available: ask for it with "
        "find_package(phanos CONFIG REQUIRED COMPONENTS ${_component}), or build phanos with it "
        "(PHANOS_BUILD_<COMPONENT>=ON)")
    endif()
    list(APPEND _targets phanos::${_component})
  endforeach()
  set(${out} "${_targets}" PARENT_SCOPE)
endfunction()

# _phanos_genex_literal(<out var> <text>): <text> inside a generator
# expression stands for itself: '>', ',' and ';' would end or split it.
function(_phanos_genex_literal out text)
  string(REPLACE ">" "$<ANGLE-R>" text "${text}")
  string(REPLACE "," "$<COMMA>" text "${text}")
  string(REPLACE ";" "$<SEMICOLON>" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# _phanos_plugin_file(<plugin target> <out var>): the path of the plugin file, for OBJECT_DEPENDS (which takes no generator
# expressions); empty when it cannot be known at configure time.
function(_phanos_plugin_file plugin_target out)
  set(_file "")
  get_target_property(_plugin "${plugin_target}" ALIASED_TARGET)
  if(NOT _plugin)
    # Imported (the installed package): its location is known.
    get_target_property(_file "${plugin_target}" LOCATION)
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

function(_phanos_instrument_object_depends target plugin_target)
  _phanos_plugin_file("${plugin_target}" _plugin_file)
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
