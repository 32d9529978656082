// Only the declaration in include/FuzzDriver.h: the driver itself is clang's libFuzzer.
#include "FuzzDriver.h"
