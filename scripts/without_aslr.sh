#!/bin/sh
# Runs a command without address space randomisation when the system allows
# it: the sanitizer runtimes of LLVM 14 need a memory layout that the high
# ASLR entropy of recent kernels can break (TSan: "unexpected memory
# mapping"). Elsewhere the command runs as it is.
if setarch "$(uname -m)" -R true 2>/dev/null; then
  exec setarch "$(uname -m)" -R "$@"
fi
exec "$@"
