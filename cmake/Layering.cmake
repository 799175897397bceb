# fieldnotes_include_root(<target> <prefix> <folder>)
#
# Gives a library an include root of its own: a folder in the build tree that
# holds only a link named <prefix> to <folder>, made the target's PUBLIC
# include directory. "core/journal.h" keeps working for core and for what
# links core, but a target sees another library's headers only when it links
# that library: core cannot include "sync/..." or "console/..." even by
# accident (the layering probes in tests/CMakeLists.txt prove it).
# <prefix> may have several parts ("common/wx", "clinician/ui").
function(fieldnotes_include_root target prefix folder)
  set(_root ${CMAKE_BINARY_DIR}/include/${target})
  set(_link ${_root}/${prefix})
  get_filename_component(_parent ${_link} DIRECTORY)
  file(MAKE_DIRECTORY ${_parent})
  if(NOT IS_SYMLINK ${_link})
    file(CREATE_LINK ${folder} ${_link} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${_root})
endfunction()

# fieldnotes_forbid(<target> <poco|haru|wx>...)
#
# Poco's and libharu's headers sit in /usr/include, which the compiler always
# searches, so "not linking" them is not enough to keep them out of a target.
# This puts a directory in front of the system one whose Poco/Foundation.h,
# hpdf.h and wx/defs.h are an #error: every Poco header includes
# Poco/Foundation.h and every wx header includes wx/defs.h, so any use fails
# to build. The directories are PRIVATE: they guard the target's own sources.
#
# `reports` (the project's own library, included as "reports/NAME.h") gets
# a generated folder with an #error header for each of its headers.
function(fieldnotes_forbid target)
  foreach(lib IN LISTS ARGN)
    if(lib STREQUAL "reports")
      set(_dir ${CMAKE_BINARY_DIR}/forbid/reports)
      file(GLOB _headers RELATIVE ${PROJECT_SOURCE_DIR}/reports ${PROJECT_SOURCE_DIR}/reports/*.h)
      foreach(_h IN LISTS _headers)
        file(WRITE ${_dir}/reports/${_h}
          "#error \"Layering: this target must not use reports (see DESIGN.md section 2)\"\n")
      endforeach()
      target_include_directories(${target} BEFORE PRIVATE ${_dir})
    else()
      target_include_directories(${target} BEFORE PRIVATE
        ${PROJECT_SOURCE_DIR}/cmake/forbid/${lib})
    endif()
  endforeach()
endfunction()

# fieldnotes_layering_probe(<name> <target> <header> [CONTROL|ABSENT])
#
# A test that builds a one-line source including <header> with exactly the
# flags of <target> and passes only when the build stops at the layering
# guard's #error (not at some unrelated failure). With ABSENT it passes only
# when the build stops because <header> is not found at all (another
# library's header outside the target's include roots). With CONTROL the
# build must succeed instead: a control proves the probe machinery itself
# works.
function(fieldnotes_layering_probe name target header)
  set(src ${CMAKE_CURRENT_BINARY_DIR}/layering_${name}.cpp)
  file(WRITE ${src} "#include <${header}>\nint fieldnotes_layering_probe_${name}() { return 0; }\n")
  add_library(layering_${name} OBJECT EXCLUDE_FROM_ALL ${src})
  target_link_libraries(layering_${name} PRIVATE ${target})
  get_target_property(_dirs ${target} INCLUDE_DIRECTORIES)
  target_include_directories(layering_${name} BEFORE PRIVATE ${_dirs})
  add_test(NAME layering.${name}
    COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target layering_${name})
  if("CONTROL" IN_LIST ARGN)
    set_tests_properties(layering.${name} PROPERTIES LABELS layering)
  elseif("ABSENT" IN_LIST ARGN)
    string(REPLACE "." "\\." _h "${header}")
    set_tests_properties(layering.${name} PROPERTIES
      PASS_REGULAR_EXPRESSION "${_h}: No such file or directory" LABELS layering)
  else()
    set_tests_properties(layering.${name} PROPERTIES
      PASS_REGULAR_EXPRESSION "Layering: this target must not use" LABELS layering)
  endif()
endfunction()
