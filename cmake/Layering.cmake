# fieldnotes_forbid(<target> <poco|haru|wx>...)
#
# Poco's and libharu's headers sit in /usr/include, which the compiler always
# searches, so "not linking" them is not enough to keep them out of a target.
# This puts a directory in front of the system one whose Poco/Foundation.h,
# hpdf.h and wx/defs.h are an #error: every Poco header includes
# Poco/Foundation.h and every wx header includes wx/defs.h, so any use fails
# to build. The directories are PRIVATE: they guard the target's own sources.
function(fieldnotes_forbid target)
  foreach(lib IN LISTS ARGN)
    target_include_directories(${target} BEFORE PRIVATE
      ${PROJECT_SOURCE_DIR}/cmake/forbid/${lib})
  endforeach()
endfunction()

# fieldnotes_layering_probe(<name> <target> <header> [CONTROL])
#
# A test that builds a one-line source including <header> with exactly the
# flags of <target> and passes only when the build stops at the layering
# guard's #error (not at some unrelated failure). With CONTROL the build must
# succeed instead: a control proves the probe machinery itself works.
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
  else()
    set_tests_properties(layering.${name} PROPERTIES
      PASS_REGULAR_EXPRESSION "Layering: this target must not use" LABELS layering)
  endif()
endfunction()
