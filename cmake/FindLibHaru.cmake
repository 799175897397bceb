# FindLibHaru: finds libharu (hpdf) and makes the imported target LibHaru::LibHaru.
#   LibHaru_FOUND, LibHaru_INCLUDE_DIR, LibHaru_LIBRARY, LibHaru_VERSION
find_path(LibHaru_INCLUDE_DIR NAMES hpdf.h)
find_library(LibHaru_LIBRARY NAMES hpdf libhpdf)

if(LibHaru_INCLUDE_DIR AND EXISTS "${LibHaru_INCLUDE_DIR}/hpdf_version.h")
  file(STRINGS "${LibHaru_INCLUDE_DIR}/hpdf_version.h" _hpdf_ver
       REGEX "^#define HPDF_VERSION_TEXT")
  string(REGEX REPLACE ".*\"([0-9.]+).*\".*" "\\1" LibHaru_VERSION "${_hpdf_ver}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibHaru
  REQUIRED_VARS LibHaru_LIBRARY LibHaru_INCLUDE_DIR
  VERSION_VAR LibHaru_VERSION)

if(LibHaru_FOUND AND NOT TARGET LibHaru::LibHaru)
  add_library(LibHaru::LibHaru UNKNOWN IMPORTED)
  set_target_properties(LibHaru::LibHaru PROPERTIES
    IMPORTED_LOCATION "${LibHaru_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibHaru_INCLUDE_DIR}")
endif()
mark_as_advanced(LibHaru_INCLUDE_DIR LibHaru_LIBRARY)
