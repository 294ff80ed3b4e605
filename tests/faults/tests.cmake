# DESIGN §12, faults: the tests of this folder, registered by tests/CMakeLists.txt.

# The environment failing under the real binary: each fault a clear message, exit status 2,
# and nothing half-written. full_disk mounts a 1 MB tmpfs (root only; skipped elsewhere, where
# file_size_limit stages the same failures with a limit on file size).
foreach(scenario read_only_ledger read_only_folder locked_ledger full_disk file_size_limit
                 missing_templates config_errors out_of_memory)
  add_test(NAME faults.${scenario}
           COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/faults/run_faults.py
                   $<TARGET_FILE:kindly> ${scenario})
  set_tests_properties(faults.${scenario} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
