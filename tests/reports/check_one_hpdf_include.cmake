# DESIGN.md §2: libharu sits behind one RAII wrapper; exactly one source
# file of the project includes its headers (reports/pdf_document.cpp).
#   cmake -DSOURCE_DIR=<project root> -P check_one_hpdf_include.cmake
file(GLOB_RECURSE _sources
  ${SOURCE_DIR}/common/*.h ${SOURCE_DIR}/common/*.cpp
  ${SOURCE_DIR}/reports/*.h ${SOURCE_DIR}/reports/*.cpp
  ${SOURCE_DIR}/client/*.h ${SOURCE_DIR}/client/*.cpp
  ${SOURCE_DIR}/clinician/*.h ${SOURCE_DIR}/clinician/*.cpp
  ${SOURCE_DIR}/server/*.h ${SOURCE_DIR}/server/*.cpp
  ${SOURCE_DIR}/bench/*.h ${SOURCE_DIR}/bench/*.cpp)
set(_found "")
foreach(_f IN LISTS _sources)
  file(STRINGS ${_f} _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]hpdf")
  if(_lines)
    file(RELATIVE_PATH _rel ${SOURCE_DIR} ${_f})
    list(APPEND _found ${_rel})
  endif()
endforeach()
if(NOT _found STREQUAL "reports/pdf_document.cpp")
  message(FATAL_ERROR "libharu must be included by reports/pdf_document.cpp only; found: ${_found}")
endif()
message(STATUS "libharu is included by ${_found} only")
