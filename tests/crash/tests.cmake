# DESIGN §12, crash: the tests of this folder, registered by tests/CMakeLists.txt.
# Each kills the real kindly (SIGKILL) at random moments and checks what it leaves: the
# seed printed by each run repeats it (KINDLY_CRASH_SEED=N).

# import: a 50,000-invoice ledger and next week's export, killed 24 times.
add_test(NAME crash.import
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_import.py
                 $<TARGET_FILE:kindly> 24 50000)
# import --undo-last: next week's import of a 50,000-invoice ledger taken back, killed 12 times.
add_test(NAME crash.undo
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_undo.py
                 $<TARGET_FILE:kindly> 12 50000)
# remind: a batch of 800 drafts, killed 20 times, into an empty folder and over an earlier batch.
add_test(NAME crash.remind
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_remind.py
                 $<TARGET_FILE:kindly> 20 800)
# send: batches of 12 emails against a real SMTP server on loopback, killed 20 times.
add_test(NAME crash.send
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_send.py
                 $<TARGET_FILE:kindly> 20)
set_tests_properties(crash.send PROPERTIES SKIP_RETURN_CODE 77)
set_tests_properties(crash.import crash.undo crash.remind crash.send PROPERTIES TIMEOUT 600)
