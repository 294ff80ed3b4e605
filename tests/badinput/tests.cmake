# DESIGN §12, badinput: the tests of this folder, registered by tests/CMakeLists.txt.

# The reader on damaged text: stray NUL bytes, UTF-16 without a byte-order mark.
target_sources(kindly_tests PRIVATE badinput/DamagedTextTest.cpp)

# Every file of tests/fixtures/bad/ imported by the real binary into a fresh ledger, and
# Kindly's answer (exit status, messages, what the ledger holds) checked against
# badinput/manifest.txt.
add_test(NAME badinput.corpus
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/badinput/run_badinput.py
                 $<TARGET_FILE:kindly>)
