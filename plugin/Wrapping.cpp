#include "Wrapping.h"

#include "ConstructorOrDestructor.h"
#include "GeneratedNames.h"
#include "GeneratedTokens.h"
#include "SiteDescription.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/Support/raw_ostream.h"

namespace phanos {

using namespace clang;

namespace {

std::string cString(StringRef Text) {
  std::string Out = "\"";
  llvm::raw_string_ostream OS(Out);
  OS.write_escaped(Text);
  OS.flush();
  return Out + "\"";
}

std::string siteDeclaration(const FunctionDecl &FD) {
  SiteDescription Site = SiteDescription::of(FD);
  return "static constexpr ::phanos::detail::Site " + names::Site.str() + "{" + cString(Site.Name) + ", " +
         cString(Site.Item) + ", " + cString(Site.QualifiedName) + ", " + cString(Site.File) + ", " +
         std::to_string(Site.Line) + "u};";
}

// "a, b, pack..." : every parameter by name, for hooks to see. A parameter
// without a name (an unnamed pack too) is passed as one placeholder that keeps
// the others' positions.
// `Each` wraps each one (a pack: its pattern).
std::string parameterList(const FunctionDecl &FD, StringRef Each = "") {
  std::string List;
  for (const ParmVarDecl *Param : FD.parameters()) {
    if (!List.empty()) List += ", ";
    std::string Name = Param->getName().empty() ? "::phanos::detail::UnnamedArgument()" : Param->getName().str();
    List += Each.empty() ? Name : Each.str() + "(" + Name + ")";
    if (Param->isParameterPack() && !Param->getName().empty()) List += "...";
  }
  return List;
}

// ", a, b, pack..." after the arguments that come first.
std::string trailingParameterList(const FunctionDecl &FD) {
  std::string List = parameterList(FD);
  return List.empty() ? List : ", " + List;
}

// Attributes are handled before a definition inherits `[[noreturn]]` from an
// earlier declaration, so the earlier declarations are asked directly.
bool isNoReturn(const FunctionDecl &FD) {
  if (FD.isNoReturn()) return true;
  ASTContext &Ctx = FD.getASTContext();
  auto WithoutNoReturn = [&](const FunctionDecl &F) {
    const auto *Type = F.getType()->castAs<FunctionType>();
    return QualType(Ctx.adjustFunctionType(Type, Type->getExtInfo().withNoReturn(false)), 0);
  };
  for (const NamedDecl *Earlier : FD.getDeclContext()->lookup(FD.getDeclName())) {
    const auto *Candidate = dyn_cast<FunctionDecl>(Earlier);
    if (Candidate && Candidate != &FD && Candidate->isNoReturn() &&
        Ctx.hasSameType(WithoutNoReturn(*Candidate), WithoutNoReturn(FD)))
      return true;
  }
  return false;
}

// The promise type as the compiler finds it: std::coroutine_traits of the
// return type, the implicit object parameter and the parameters' types.
std::string promiseType(const FunctionDecl &FD) {
  std::string Traits = "typename ::std::coroutine_traits<" + GeneratedTokens::ReturnTypePlaceholder.str();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD); Method && Method->isInstance())
    Traits +=
        Method->getRefQualifier() == RQ_RValue ? ", ::std::remove_reference_t<decltype(*this)>&&" : ", decltype(*this)";
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *Param = FD.getParamDecl(I);
    if (Param->isParameterPack())
      Traits += ", decltype(" + Param->getName().str() + ")...";
    else
      Traits += ", " + GeneratedTokens::ParameterTypePlaceholder.str() + std::to_string(I);
  }
  return Traits + ">::promise_type";
}

}  // namespace

Wrapping Wrapping::inLambda(const FunctionDecl &FD, const std::string &PredefinedBindings) {
  bool NoReturn = isNoReturn(FD);
  bool ReturnsNothing = isConstructorOrDestructor(FD) || NoReturn;
  std::string Return = ReturnsNothing ? "" : "return ";
  std::string Lambda = std::string("[&]() -> ") + GeneratedTokens::ReturnTypePlaceholder.data() + " {";
  Wrapping W;
  if (FD.isConstexpr()) {
    // A constexpr function may not hold a static; the site lives in a lambda
    // that constant evaluation never calls.
    W.Open = PredefinedBindings + Return +
             "::phanos::detail::invoke_constexpr([]() noexcept -> const ::phanos::detail::Site& { " +
             siteDeclaration(FD) + " return " + names::Site.str() + "; }, " + Lambda;
  } else {
    W.Open = siteDeclaration(FD) + " " + PredefinedBindings + Return + "::phanos::detail::invoke(" + names::Site.str() +
             ", " + Lambda;
  }
  // main() may fall off its end; the lambda standing in for its body may not.
  W.Close = (FD.isMain() ? " return 0; }" : " }") + trailingParameterList(FD) + ");";
  if (NoReturn) W.Close += " __builtin_unreachable();";
  return W;
}

Wrapping Wrapping::guardInPlace(const FunctionDecl &FD) {
  // The array has a spare element, so that it is never empty.
  std::string Arguments = parameterList(FD, "::phanos::detail::argument_of");
  return {siteDeclaration(FD) + " const ::phanos::detail::Argument " + names::Arguments.str() + "[] = {" + Arguments +
              (Arguments.empty() ? "{}};" : ", {}};") + " ::phanos::detail::GuardedCall " + names::Call.str() + "(" +
              names::Site.str() + ", " + names::Arguments.str() + ");",
          ""};
}

Wrapping Wrapping::inCoroutine(const FunctionDecl &FD, bool Awaits) {
  return {siteDeclaration(FD) + " auto " + names::Coroutine.str() + " = ::phanos::detail::profile_coroutine<" +
              (Awaits ? promiseType(FD) : "void") + ">(" + names::Site.str() + ", __builtin_coro_frame()" +
              trailingParameterList(FD) + ");",
          ""};
}

bool Wrapping::needsGuardInPlace(const FunctionDecl &FD, ArrayRef<Token> Body) {
  if (!FD.getReturnType()->getContainedDeducedType() || !FD.getIdentifier()) return false;
  return llvm::any_of(Body, [&](const Token &Tok) { return Tok.getIdentifierInfo() == FD.getIdentifier(); });
}

}  // namespace phanos
