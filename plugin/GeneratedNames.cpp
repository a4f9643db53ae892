#include "GeneratedNames.h"

#include "llvm/Support/MemoryBuffer.h"

namespace phanos::names {

using namespace clang;

namespace {

constexpr llvm::StringLiteral All[] = {Site, Arguments, Call, Coroutine, Func, Function, PrettyFunction};

// Each name on a line of its own.
const std::string &bufferText() {
  static const std::string Text = [] {
    std::string Lines;
    for (llvm::StringRef Name : All) Lines += Name.str() + "\n";
    return Lines;
  }();
  return Text;
}

// One buffer per translation unit, "included" at the start of the main file
// so that its locations compare with every other one.
SourceLocation bufferStart(SourceManager &SM) {
  static const SourceManager *Owner = nullptr;
  static SourceLocation Start;
  if (Owner != &SM) {
    FileID Buffer = SM.createFileID(llvm::MemoryBuffer::getMemBufferCopy(bufferText(), "<phanos generated names>"),
                                    SrcMgr::C_System, 0, 0, SM.getLocForStartOfFile(SM.getMainFileID()));
    Start = SM.getLocForStartOfFile(Buffer);
    Owner = &SM;
  }
  return Start;
}

}  // namespace

SourceLocation declarationLocation(SourceManager &SM, llvm::StringRef Name) {
  if (!llvm::is_contained(All, Name)) return SourceLocation();
  return bufferStart(SM).getLocWithOffset(llvm::StringRef(bufferText()).find(Name.str() + "\n"));
}

}  // namespace phanos::names
