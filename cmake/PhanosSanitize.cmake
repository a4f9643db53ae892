# phanos_sanitize(<target>): adds the sanitizers chosen in PHANOS_SANITIZE
# (e.g. "address,undefined" or "thread") to a target. The runtime's
# libraries, the collector and every test program use it, as sanitizers need
# every part of the program instrumented alike. With PHANOS_FUZZ, the
# libraries are also instrumented for libFuzzer's coverage, which guides the
# fuzzers through them (programs that are not fuzzers run as before: the
# sanitizer runtime ignores the coverage callbacks); test programs are not,
# as it costs a quarter more compile time.

include_guard(GLOBAL)

function(phanos_sanitize target)
  if(PHANOS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${PHANOS_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${PHANOS_SANITIZE})
  endif()
  get_target_property(type ${target} TYPE)
  if(PHANOS_FUZZ AND type MATCHES "LIBRARY$")
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
