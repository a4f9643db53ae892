// longjmp, _longjmp, siglongjmp and __longjmp_chk as the program calls them
// once it links libphanos.so: each first takes the profiled calls whose
// frames the jump leaves off the thread's tree, then jumps with the C
// library's own function. Without this, the next profiled call would take a
// call whose frame is gone for its caller (docs/runtime-limits.md).
// Async-signal-safe: it only follows pointers of live frames.

#include <dlfcn.h>
#include <setjmp.h>

#include <cstdint>

#include "phanos/detail/call_scope.hpp"
#include "thread_state.hpp"

extern "C" void __longjmp_chk(struct __jmp_buf_tag env[1], int value) noexcept __attribute__((noreturn));

namespace phanos::detail {
namespace {

using Jump = void (*)(struct __jmp_buf_tag*, int);

// The stack pointer setjmp saved: glibc on x86-64 stores it mangled with the
// thread's pointer guard (PTR_MANGLE: xor with the guard at %fs:0x30, then
// rotate left by 17 bits). Elsewhere 0: the calls are left as they are.
std::uintptr_t saved_stack_pointer(const struct __jmp_buf_tag* env) noexcept {
#if defined(__x86_64__) && defined(__GLIBC__)
  constexpr int stack_pointer_slot = 6;  // JB_RSP in glibc's jmpbuf-offsets.h
  std::uintptr_t guard;
  asm("mov %%fs:0x30, %0" : "=r"(guard));
  const auto mangled = static_cast<std::uintptr_t>(env->__jmpbuf[stack_pointer_slot]);
  return ((mangled >> 17) | (mangled << 47)) ^ guard;
#else
  static_cast<void>(env);
  return 0;
#endif
}

// The calls whose scopes lie between this frame and the frame the jump
// returns to (the stack grows down) are over; the first one outside that
// range is live.
void leave_calls_skipped_by(const struct __jmp_buf_tag* env) noexcept {
  ThreadState* state = existing_thread_state();
  if (state == nullptr) return;
  const std::uintptr_t target = saved_stack_pointer(env);
  const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  for (CallScope* call = state->current; call != nullptr; call = call->caller()) {
    const auto address = reinterpret_cast<std::uintptr_t>(call);
    if (address < here || address >= target) {
      state->current = call;
      return;
    }
  }
  state->current = nullptr;
}

// Looked up when the runtime is loaded: dlsym is not async-signal-safe, and
// a jump may leave a signal handler.
Jump next_definition(const char* name) noexcept { return reinterpret_cast<Jump>(dlsym(RTLD_NEXT, name)); }
const Jump c_longjmp = next_definition("longjmp");
const Jump c_underscore_longjmp = next_definition("_longjmp");
const Jump c_siglongjmp = next_definition("siglongjmp");
const Jump c_longjmp_chk = next_definition("__longjmp_chk");

[[noreturn]] void jump(Jump c_library_jump, const char* name, struct __jmp_buf_tag* env, int value) noexcept {
  leave_calls_skipped_by(env);
  // Only a jump made before the runtime's own initialisation looks it up now.
  const Jump next = c_library_jump != nullptr ? c_library_jump : next_definition(name);
  next(env, value);
  __builtin_unreachable();
}

}  // namespace
}  // namespace phanos::detail

extern "C" {

void longjmp(struct __jmp_buf_tag env[1], int value) noexcept {
  phanos::detail::jump(phanos::detail::c_longjmp, "longjmp", env, value);
}

void _longjmp(struct __jmp_buf_tag env[1], int value) noexcept {
  phanos::detail::jump(phanos::detail::c_underscore_longjmp, "_longjmp", env, value);
}

void siglongjmp(struct __jmp_buf_tag env[1], int value) noexcept {
  phanos::detail::jump(phanos::detail::c_siglongjmp, "siglongjmp", env, value);
}

void __longjmp_chk(struct __jmp_buf_tag env[1], int value) noexcept {
  phanos::detail::jump(phanos::detail::c_longjmp_chk, "__longjmp_chk", env, value);
}

}  // extern "C"
