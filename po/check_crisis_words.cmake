# CTest po_crisis_words: every crisis line's "contact" and "when" in
# reports/data/crisis_resources.json is a message of the template, so
# reports::Translated finds it in a catalog (reports/crisis_words.cmake
# writes the marks xgettext reads).
#   cmake -DJSON=… -DPOT=… -DMSGCAT=… -DWORK=… -P check_crisis_words.cmake
cmake_minimum_required(VERSION 3.22)
# One line per msgid, whatever its length.
execute_process(COMMAND ${MSGCAT} --no-wrap -o ${WORK}/crisis-check.pot ${POT}
                RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "msgcat failed on ${POT}")
endif()
file(STRINGS ${WORK}/crisis-check.pot _msgids REGEX "^msgid \"")
file(READ ${JSON} _json)
set(_missing "")
set(_checked 0)
string(JSON _regions LENGTH "${_json}" regions)
math(EXPR _last_region "${_regions} - 1")
foreach(_r RANGE ${_last_region})
  string(JSON _lines LENGTH "${_json}" regions ${_r} lines)
  math(EXPR _last_line "${_lines} - 1")
  foreach(_l RANGE ${_last_line})
    foreach(_field contact when)
      string(JSON _text GET "${_json}" regions ${_r} lines ${_l} ${_field})
      string(REPLACE "\\" "\\\\" _escaped "${_text}")
      string(REPLACE "\"" "\\\"" _escaped "${_escaped}")
      math(EXPR _checked "${_checked} + 1")
      if(NOT "msgid \"${_escaped}\"" IN_LIST _msgids)
        list(APPEND _missing "${_text}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(_missing)
  list(JOIN _missing "\n  " _list)
  message(FATAL_ERROR "crisis words missing from ${POT}:\n  ${_list}")
endif()
message(STATUS "all ${_checked} crisis words are messages of the template")
