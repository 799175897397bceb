# `ninja update-po`: po/fieldnotes.pot from the sources' template (copied
# only when a message changed, so the file's dates do not churn), then
# msgmerge into every po/<lang>.po of LINGUAS. A message whose English
# changed becomes fuzzy with its previous English beside it (--previous);
# a translator reviews it (docs/translating.md).
#   cmake -DPOT=… -DPO_DIR=… -DLINGUAS=de;fr;es -DMSGMERGE=… -DMSGCAT=… -P update_po.cmake
include(${CMAKE_CURRENT_LIST_DIR}/normalize.cmake)
set(_tree ${PO_DIR}/fieldnotes.pot)
set(_same FALSE)
if(EXISTS ${_tree})
  fieldnotes_po_normalize(${_tree} _old)
  fieldnotes_po_normalize(${POT} _new)
  if(_old STREQUAL _new)
    set(_same TRUE)
  endif()
endif()
if(_same)
  message(STATUS "po/fieldnotes.pot: no message changed")
else()
  file(COPY_FILE ${POT} ${_tree})
  message(STATUS "po/fieldnotes.pot: refreshed from the sources")
endif()
foreach(_lang IN LISTS LINGUAS)
  set(_po ${PO_DIR}/${_lang}.po)
  if(NOT EXISTS ${_po})
    message(WARNING "po/${_lang}.po is missing: make it with msginit (docs/translating.md)")
    continue()
  endif()
  execute_process(
    COMMAND ${MSGMERGE} --quiet --update --backup=none --previous ${_po} ${_tree}
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "msgmerge po/${_lang}.po failed")
  endif()
  message(STATUS "po/${_lang}.po: merged")
endforeach()
