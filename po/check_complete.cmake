# CTest po_complete_<lang>: a language listed in po/COMPLETE has every
# message of the sources (build/po/fieldnotes.pot) translated, every plural
# form filled, and none fuzzy (a fuzzy message is a guess msgmerge made;
# a translator must read it, then remove the fuzzy flag).
#   cmake -DPO=… -DPOT=… -DMSGCMP=… -DMSGATTRIB=… -P check_complete.cmake
get_filename_component(_name ${PO} NAME)
# msgcmp: each message of the template must be in the catalog, translated
# and not fuzzy.
execute_process(COMMAND ${MSGCMP} ${PO} ${POT}
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
set(_problems "")
if(NOT _rc EQUAL 0)
  set(_problems "messages missing, untranslated or fuzzy (msgcmp):\n${_err}")
endif()
# msgcmp takes a plural message as translated when its first form is: the
# other forms must be there too.
execute_process(COMMAND ${MSGATTRIB} --translated --no-obsolete --no-wrap ${PO}
                OUTPUT_VARIABLE _translated RESULT_VARIABLE _rc2)
string(REGEX MATCHALL "\nmsgid_plural \"[^\n]*\"\n(msgstr\\[[0-9]+\\] \"[^\n]*\"\n)*msgstr\\[[0-9]+\\] \"\"\n" _holes "${_translated}")
if(_holes)
  string(REPLACE ";" "" _holes "${_holes}")
  set(_problems "${_problems}\nplural messages with an empty form:${_holes}")
endif()
if(_problems)
  message(NOTICE "${_problems}")
  message(FATAL_ERROR "${_name} is listed in po/COMPLETE but is not complete (above).")
endif()
message(STATUS "${_name}: every message translated, none fuzzy")
