namespace Ferry.Binance.SubAccount;

/// <summary>Deposit status filter of GET /sapi/v1/capital/deposit/subHisrec.</summary>
public enum DepositStatus
{
    /// <summary>0: pending.</summary>
    Pending = 0,
    /// <summary>1: success.</summary>
    Success = 1,
    /// <summary>6: credited but cannot withdraw.</summary>
    CreditedCannotWithdraw = 6,
    /// <summary>7: wrong deposit.</summary>
    WrongDeposit = 7,
    /// <summary>8: waiting for the user to confirm.</summary>
    WaitingUserConfirm = 8,
}
