#ifndef KALENDARIUM_C_FUZZ_DRIVER_H
#define KALENDARIUM_C_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from clang's runtime (linked by -sanitize=fuzzer). SwiftPM gives
/// every executable its own `main`, so the fuzz targets call the driver from there
/// instead of relying on libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
