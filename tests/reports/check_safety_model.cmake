# Retrains the safety classifier with safety_train's defaults and fails
# when the result differs from the checked-in model by a single byte:
#   cmake -DTRAIN=<safety_train> -DTSV=<tests/data/safety> -DMODEL=<classifier.model>
#         -DOUT=<scratch file> -P check_safety_model.cmake
execute_process(COMMAND ${TRAIN} --tsv ${TSV} --out ${OUT} RESULT_VARIABLE _rc
                OUTPUT_QUIET)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "safety_train failed (${_rc})")
endif()
file(SHA256 ${MODEL} _want)
file(SHA256 ${OUT} _got)
if(NOT _want STREQUAL _got)
  message(FATAL_ERROR "the checked-in ${MODEL} is not what safety_train writes from the dev rows: "
                      "retrain (docs/safety.md, \"How to retrain\") or find what is not deterministic")
endif()
