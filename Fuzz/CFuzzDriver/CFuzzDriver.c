// Only the declaration in include/CFuzzDriver.h: the driver itself is clang's libFuzzer.
#include "CFuzzDriver.h"
