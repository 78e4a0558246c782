import ArgumentParser

/// peaksim's exit codes, documented in the README; every command uses these and no others.
enum ExitCodes {
  /// Success: the scenario is valid (`check`), every SLO was met (`run`).
  static let ok: Int32 = 0
  /// Something else went wrong (a file could not be written); `validate-order`: some body is
  /// not a valid order or could not be read.
  static let failure: Int32 = 1
  /// Usage error: unknown flag, missing argument, bad option value.
  static let usage: Int32 = 2
  /// `run`: the simulation completed but at least one SLO was missed.
  static let sloMissed: Int32 = 3
  /// The scenario is invalid or unreadable (EX_DATAERR from sysexits.h).
  static let invalidScenario: Int32 = 65
  /// An internal error: the run's order ledger did not balance, a bug in peaksim
  /// (EX_SOFTWARE from sysexits.h).
  static let internalError: Int32 = 70
}

extension ExitCode {
  static let usage = ExitCode(ExitCodes.usage)
  static let sloMissed = ExitCode(ExitCodes.sloMissed)
  static let invalidScenario = ExitCode(ExitCodes.invalidScenario)
  static let internalError = ExitCode(ExitCodes.internalError)
}
