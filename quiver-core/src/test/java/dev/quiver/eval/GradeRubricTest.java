package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeRubricTest {

  private static final GradeRubric R = GradeRubric.DEFAULT;
  private static final long TRADES = 1000;
  private static final long SAMPLES = 10_000;

  /** Inputs sitting exactly on every bound of a level. */
  private static GradeInputs at(GradeRubric.Level l) {
    return new GradeInputs(l.minDeflatedSharpe(), l.minSharpe(), l.minMaxDrawdown(), l.minHitRate(), l.maxFoldSharpeStd(), TRADES, SAMPLES);
  }

  private static final String[] RULES = {"deflated Sharpe", "Sharpe", "max drawdown", "hit rate", "fold Sharpe std"};

  private static double bound(GradeRubric.Level l, int rule) {
    return switch (rule) {
      case 0 -> l.minDeflatedSharpe();
      case 1 -> l.minSharpe();
      case 2 -> l.minMaxDrawdown();
      case 3 -> l.minHitRate();
      default -> l.maxFoldSharpeStd();
    };
  }

  private static GradeInputs with(GradeInputs in, int rule, double v) {
    return switch (rule) {
      case 0 -> new GradeInputs(v, in.sharpe(), in.maxDrawdown(), in.hitRate(), in.foldSharpeStd(), in.trades(), in.samples());
      case 1 -> new GradeInputs(in.deflatedSharpe(), v, in.maxDrawdown(), in.hitRate(), in.foldSharpeStd(), in.trades(), in.samples());
      case 2 -> new GradeInputs(in.deflatedSharpe(), in.sharpe(), v, in.hitRate(), in.foldSharpeStd(), in.trades(), in.samples());
      case 3 -> new GradeInputs(in.deflatedSharpe(), in.sharpe(), in.maxDrawdown(), v, in.foldSharpeStd(), in.trades(), in.samples());
      default -> new GradeInputs(in.deflatedSharpe(), in.sharpe(), in.maxDrawdown(), in.hitRate(), v, in.trades(), in.samples());
    };
  }

  @Test
  void sitting_exactly_on_every_bound_of_a_level_earns_it() {
    for (GradeRubric.Level l : R.levels()) {
      GradeResult g = R.grade(at(l));
      assertThat(g.grade()).as(l.toString()).isEqualTo(l.grade());
      assertThat(g.checks()).hasSize(5);
    }
  }

  @Test
  void missing_any_single_bound_by_one_ulp_drops_to_the_first_level_that_allows_it() {
    List<GradeRubric.Level> levels = R.levels();
    for (int k = 0; k < levels.size(); k++) {
      GradeRubric.Level l = levels.get(k);
      for (int rule = 0; rule < 5; rule++) {
        double b = bound(l, rule);
        if (rule == 1 && l.grade() == Grade.C) continue; // below C's Sharpe is D, tested on its own
        double v = rule == 4 ? Math.nextUp(b) : Math.nextDown(b);
        Grade expected = Grade.D;
        for (int j = k + 1; j < levels.size(); j++) {
          double lower = bound(levels.get(j), rule);
          if (rule == 4 ? v <= lower : v >= lower) {
            expected = levels.get(j).grade();
            break;
          }
        }
        GradeResult g = R.grade(with(at(l), rule, v));
        assertThat(g.grade()).as(l.grade() + " missing " + RULES[rule]).isEqualTo(expected);
        if (expected != Grade.D) assertThat(g.decidedBy()).as(l.grade() + " " + RULES[rule]).contains(RULES[rule]);
      }
    }
  }

  @Test
  void the_deciding_rule_is_named_with_its_numbers() {
    GradeInputs aButSharpe = with(at(R.level(Grade.A)), 1, 1.8);
    GradeResult g = R.grade(aButSharpe);
    assertThat(g.grade()).isEqualTo(Grade.A_MINUS);
    assertThat(g.decidedBy()).isEqualTo("not A: Sharpe 1.8 < 2");
    assertThat(g.checks()).containsExactly("deflated Sharpe 0.95 >= 0.9", "Sharpe 1.8 >= 1.75", "max drawdown -0.15 >= -0.18",
        "hit rate 0.53 >= 0.52", "fold Sharpe std 1 <= 1.25");
    assertThat(g.explanation()).startsWith("A- (not A: Sharpe 1.8 < 2); deflated Sharpe 0.95 >= 0.9");
    assertThat(R.grade(at(R.level(Grade.S))).decidedBy()).isEqualTo("meets every S rule");
    // a value one ulp below its bound is shown in full, so the message never reads "2 < 2"
    assertThat(R.grade(with(at(R.level(Grade.A)), 1, Math.nextDown(2.0))).decidedBy()).isEqualTo("not A: Sharpe 1.9999999999999998 < 2");
  }

  @Test
  void a_non_positive_or_undefined_sharpe_is_f_and_a_positive_one_below_c_is_d() {
    GradeInputs best = at(R.level(Grade.S));
    assertThat(R.grade(with(best, 1, 0.0)).grade()).isEqualTo(Grade.F);
    assertThat(R.grade(with(best, 1, 0.0)).decidedBy()).isEqualTo("Sharpe 0 <= 0");
    assertThat(R.grade(with(best, 1, -1.2)).grade()).isEqualTo(Grade.F);
    assertThat(R.grade(with(best, 1, Double.NaN)).decidedBy()).isEqualTo("Sharpe undefined");
    GradeResult d = R.grade(with(best, 1, Math.nextDown(0.5)));
    assertThat(d.grade()).isEqualTo(Grade.D);
    assertThat(d.decidedBy()).isEqualTo("Sharpe > 0 but not C: Sharpe 0.49999999999999994 < 0.5");
    assertThat(R.grade(with(best, 1, Double.MIN_VALUE)).grade()).isEqualTo(Grade.D);
    // a drawdown beyond C's bound with a fine Sharpe is D as well
    assertThat(R.grade(with(best, 2, -0.41)).grade()).isEqualTo(Grade.D);
  }

  @Test
  void too_few_trades_or_samples_cap_the_grade_at_c() {
    GradeInputs s = at(R.level(Grade.S));
    GradeInputs fewTrades = new GradeInputs(s.deflatedSharpe(), s.sharpe(), s.maxDrawdown(), s.hitRate(), s.foldSharpeStd(), 29, SAMPLES);
    GradeResult g = R.grade(fewTrades);
    assertThat(g.grade()).isEqualTo(Grade.C);
    assertThat(g.decidedBy()).isEqualTo("capped at C: 29 trades < 30");
    GradeInputs enoughTrades = new GradeInputs(s.deflatedSharpe(), s.sharpe(), s.maxDrawdown(), s.hitRate(), s.foldSharpeStd(), 30, 250);
    assertThat(R.grade(enoughTrades).grade()).isEqualTo(Grade.S);
    GradeInputs fewSamples = new GradeInputs(s.deflatedSharpe(), s.sharpe(), s.maxDrawdown(), s.hitRate(), s.foldSharpeStd(), 30, 249);
    assertThat(R.grade(fewSamples).decidedBy()).isEqualTo("capped at C: 249 samples < 250");
    // the cap never raises a grade
    GradeInputs d = new GradeInputs(0, 0.3, -0.5, 0.4, 5, 2, 10);
    assertThat(R.grade(d).grade()).isEqualTo(Grade.D);
    GradeInputs c = with(at(R.level(Grade.C)), 0, 0.1);
    assertThat(R.grade(new GradeInputs(c.deflatedSharpe(), c.sharpe(), c.maxDrawdown(), c.hitRate(), c.foldSharpeStd(), 0, 0)).grade())
        .isEqualTo(Grade.C);
  }

  @Test
  void nan_fails_its_rule_except_an_unmeasured_fold_stability() {
    GradeInputs a = at(R.level(Grade.A));
    GradeResult oneFold = R.grade(with(a, 4, Double.NaN));
    assertThat(oneFold.grade()).isEqualTo(Grade.A);
    assertThat(oneFold.checks()).contains("fold Sharpe std not measured (one fold)");
    GradeResult noDsr = R.grade(with(a, 0, Double.NaN));
    assertThat(noDsr.grade()).isEqualTo(Grade.D);
    assertThat(noDsr.decidedBy()).contains("deflated Sharpe undefined");
    assertThat(R.grade(with(a, 3, Double.NaN)).grade()).isEqualTo(Grade.D);
  }

  @Test
  void a_custom_rubric_can_switch_rules_off_and_must_not_loosen_upwards() {
    List<GradeRubric.Level> noDsr = new ArrayList<>();
    for (GradeRubric.Level l : R.levels()) {
      noDsr.add(new GradeRubric.Level(l.grade(), Double.NEGATIVE_INFINITY, l.minSharpe(), l.minMaxDrawdown(), l.minHitRate(), Double.POSITIVE_INFINITY));
    }
    GradeRubric custom = new GradeRubric(noDsr, 0, 0);
    GradeResult g = custom.grade(new GradeInputs(Double.NaN, 3.0, -0.05, 0.6, 9.0, 1, 1));
    assertThat(g.grade()).isEqualTo(Grade.S);
    assertThat(g.checks()).contains("deflated Sharpe not ruled", "fold Sharpe std not ruled");

    List<GradeRubric.Level> loose = new ArrayList<>(R.levels());
    GradeRubric.Level a = loose.get(2);
    loose.set(2, new GradeRubric.Level(Grade.A, a.minDeflatedSharpe(), 1.0, a.minMaxDrawdown(), a.minHitRate(), a.maxFoldSharpeStd()));
    assertThatThrownBy(() -> new GradeRubric(loose, 30, 250)).hasMessageContaining("A is looser than A-");
    assertThatThrownBy(() -> new GradeRubric(R.levels().subList(0, 8), 30, 250)).hasMessageContaining("9 levels");
    List<GradeRubric.Level> swapped = new ArrayList<>(R.levels());
    swapped.set(0, R.levels().get(1));
    assertThatThrownBy(() -> new GradeRubric(swapped, 30, 250)).hasMessageContaining("level 1 must be S");
    assertThatThrownBy(() -> new GradeRubric.Level(Grade.S, Double.NaN, 1, 0, 0, 1)).hasMessageContaining("NaN");
  }

  @Test
  void grades_read_as_letters_in_order() {
    StringBuilder sb = new StringBuilder();
    for (Grade g : Grade.values()) sb.append(g.label()).append(' ');
    assertThat(sb.toString().trim()).isEqualTo("S A+ A A- B+ B B- C+ C D F");
    assertThat(Grade.A_PLUS.betterThan(Grade.A)).isTrue();
    assertThat(Grade.C.betterThan(Grade.C)).isFalse();
  }

  @Test
  void inputs_come_from_trading_metrics() {
    double[] next = {0.01, -0.02, 0.015, 0.003};
    SimulatedTrading s = TradingSimulator.simulate(new double[] {0.9, 0.1, 0.9, 0.9}, next, new PositionRule.Thresholds(0.4, 0.6), Costs.NONE);
    TradingMetrics m = TradingMetrics.of(s, new double[] {0.9, 0.1, 0.9, 0.9}, next, 252);
    GradeInputs in = GradeInputs.of(m, 0.97, 0.4);
    assertThat(in).isEqualTo(new GradeInputs(0.97, m.returns().sharpe(), m.returns().maxDrawdown(), m.returns().hitRate(), 0.4, m.trades(), 4));
  }
}
