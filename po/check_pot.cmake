# CTest po_template_current: po/fieldnotes.pot in the source tree holds
# exactly the messages the sources have (build/po/fieldnotes.pot, which
# xgettext makes in every build), with their plural forms, contexts,
# flags and translator comments. When it fails: `ninja update-po`, then
# commit po/ (docs/translating.md).
#   cmake -DTREE_POT=… -DPOT=… -DMSGCAT=… -DWORK=… -P check_pot.cmake
include(${CMAKE_CURRENT_LIST_DIR}/normalize.cmake)
if(NOT EXISTS ${TREE_POT})
  message(FATAL_ERROR "${TREE_POT} is missing: run `ninja update-po`")
endif()
fieldnotes_po_normalize(${TREE_POT} _tree)
fieldnotes_po_normalize(${POT} _built)
if(NOT _tree STREQUAL _built)
  file(WRITE ${WORK}/tree.pot.norm "${_tree}")
  file(WRITE ${WORK}/sources.pot.norm "${_built}")
  execute_process(COMMAND diff -u ${WORK}/tree.pot.norm ${WORK}/sources.pot.norm
                  OUTPUT_VARIABLE _diff)
  string(LENGTH "${_diff}" _n)
  if(_n GREATER 6000)
    string(SUBSTRING "${_diff}" 0 6000 _diff)
    set(_diff "${_diff}\n[…]")
  endif()
  message(NOTICE "${_diff}")
  message(FATAL_ERROR
    "po/fieldnotes.pot is not the template of the sources (above: - in the tree, + in the sources). "
    "Run `ninja update-po` in the build folder and commit po/.")
endif()
message(STATUS "po/fieldnotes.pot holds the messages of the sources")
