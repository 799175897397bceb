# fieldnotes_po_normalize(IN OUT): the messages of a catalog or template as
# text to compare: no header entry, sorted, unwrapped. Used by
# check_pot.cmake and update_po.cmake (the header's dates change without any
# message changing; locations name files only, xgettext --add-location=file,
# so they change only when a message moves to another file).
function(fieldnotes_po_normalize in out)
  execute_process(
    COMMAND ${MSGCAT} --no-wrap --sort-output --output-file=- ${in}
    OUTPUT_VARIABLE _text RESULT_VARIABLE _rc ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "msgcat ${in}: ${_err}")
  endif()
  # The header is the entry whose msgid is empty: up to the first blank line.
  string(FIND "${_text}" "\n\n" _end)
  if(_text MATCHES "^(#[^\n]*\n)*msgid \"\"\n" AND _end GREATER -1)
    math(EXPR _end "${_end} + 2")
    string(SUBSTRING "${_text}" ${_end} -1 _text)
  endif()
  set(${out} "${_text}" PARENT_SCOPE)
endfunction()
