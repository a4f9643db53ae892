# Substitutions the tests use:
#   %phanos_cxx   clang++ with the plugin loaded and phanos' headers
#   %plain_cxx    the same clang++ and flags without the plugin
#   %phanos_link  what links the runtime
import os
import lit.formats

config.name = f"phanos (Clang {config.clang_version})"
# `REQUIRES: clang-14` marks what only one version's compiler accepts.
config.available_features.add(f"clang-{config.clang_version}")
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

include = os.path.join(config.phanos_source_dir, "include")
inputs = os.path.join(config.test_source_root, "Inputs")
common = f"-std=c++17 -Wall -Wextra -I{include} -I{inputs}"
# A sanitized runtime (PHANOS_SANITIZE) is linked into programs built the
# same way, so the code the plugin generates runs under the sanitizers too.
# `--param sanitize=...` builds the programs so against the plain runtime
# (ASan's leak checker still sees every allocation), in a directory of its
# own so that it can run beside the plain run.
sanitize = lit_config.params.get("sanitize", config.sanitize)
if sanitize != config.sanitize:
    config.test_exec_root = os.path.join(config.test_exec_root, "sanitized")
if sanitize:
    common += f" -fsanitize={sanitize} -fno-omit-frame-pointer"
config.substitutions.append(("%phanos_cxx", f"{config.clangxx} -fplugin={config.phanos_plugin} {common}"))
config.substitutions.append(("%plain_cxx", f"{config.clangxx} {common} -Wno-unknown-attributes"))
config.substitutions.append(("%phanos_link",
                             f"-L{config.phanos_runtime_dir} -Wl,-rpath,{config.phanos_runtime_dir} -lphanos"))
# A component's library, after %phanos_link (README.md, "Components").
config.substitutions.append(("%phanos_rabbitmq_link", "-lphanos_rabbitmq"))
config.substitutions.append(("%phanos_plugin", config.phanos_plugin))

config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", "")])
# A profiled program must not pick up a developer's own configuration.
config.environment.pop("PHANOS_CONFIG", None)
