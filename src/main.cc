// voxwire entry point: wiring only.
#include <cstdio>

int main() {
  std::puts("voxwire");
  return 0;
}
