/**
 * Whether an ECS service's predictive scaling policy only forecasts or also scales. Predictive
 * scaling learns from at least 24 hours of history and schedules capacity ahead of a daily or weekly
 * pattern; target tracking still handles what the forecast misses.
 */
export class PredictiveScalingMode {
  /** Forecast only: the forecast is visible in the console and CloudWatch, capacity is not changed. Start here. */
  public static readonly FORECAST_ONLY = new PredictiveScalingMode('ForecastOnly');
  /** Forecast and scale ahead of the forecast, never above the maximum capacity. */
  public static readonly FORECAST_AND_SCALE = new PredictiveScalingMode('ForecastAndScale');

  private constructor(
    /** The CloudFormation `Mode` value. */
    public readonly mode: string,
  ) {}
}
