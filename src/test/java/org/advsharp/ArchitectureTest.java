package org.advsharp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The package layers of main code, as a test. The flow is proofs -> claims -> checks -> run -> results ->
 * report, with the mathematics underneath:
 *
 * <ul>
 *   <li>mathematics ({@code oracle, numerics, landscape, training, deep, data}): imports none of the suite's
 *       packages;</li>
 *   <li>{@code check} (Check, Evidence and the result model) and {@code property} (the generic property
 *       engine): no mathematics, no claims, checks, run, report or cli;</li>
 *   <li>{@code claims}: the claim model, parser and verdict rule, on top of {@code check};</li>
 *   <li>{@code checks.*}: the checks of each proofs/ file, on top of the mathematics, {@code check},
 *       {@code property} and {@code claims}; never {@code run}, {@code report} or {@code cli};</li>
 *   <li>{@code results}: the records of the results document, its one JSON converter and its one merge rule;
 *       knows only {@code check} and {@code claims} (and Jackson);</li>
 *   <li>{@code run}: runs checks and captures their results as {@code results} records, written through
 *       {@code results} only (no JSON of its own); never {@code report} or {@code cli};</li>
 *   <li>{@code report}: renders results read through {@code results} (no JSON of its own); imports nothing
 *       from {@code checks}, {@code run}, {@code cli}, {@code property} or the mathematics;</li>
 *   <li>only the deep-learning packages ({@code deep}, {@code checks.deep}, {@code cli} which starts
 *       them) reach DJL;</li>
 *   <li>only {@code deep.engine} (DJL's switches, the devices, the calls into libtorch that DJL does not
 *       expose) reaches native code through JNA, and it knows nothing of the networks, training or
 *       measurements above it;</li>
 *   <li>no two packages depend on each other, directly or through others.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "org.advsharp",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String[] MATHEMATICS = {"org.advsharp.oracle..", "org.advsharp.numerics..",
            "org.advsharp.landscape..", "org.advsharp.training..", "org.advsharp.deep..", "org.advsharp.data.."};

    private static final String[] SUITE = {"org.advsharp.check..", "org.advsharp.property..",
            "org.advsharp.claims..", "org.advsharp.checks..", "org.advsharp.run..", "org.advsharp.results..",
            "org.advsharp.report..", "org.advsharp.cli.."};

    private static final String JACKSON = "com.fasterxml.jackson..";

    @ArchTest
    static final ArchRule mathematicsKnowsNothingOfTheSuite = noClasses()
            .that().resideInAnyPackage(MATHEMATICS)
            .should().dependOnClassesThat().resideInAnyPackage(SUITE);

    @ArchTest
    static final ArchRule theCheckModelAndThePropertyEngineKnowNoDomain = noClasses()
            .that().resideInAnyPackage("org.advsharp.check..", "org.advsharp.property..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(MATHEMATICS, "org.advsharp.claims..",
                    "org.advsharp.checks..", "org.advsharp.run..", "org.advsharp.results..", "org.advsharp.report..",
                    "org.advsharp.cli.."));

    @ArchTest
    static final ArchRule theCheckModelDoesNotUseThePropertyEngine = noClasses()
            .that().resideInAPackage("org.advsharp.check..")
            .should().dependOnClassesThat().resideInAPackage("org.advsharp.property..");

    @ArchTest
    static final ArchRule claimsSitBelowTheChecks = noClasses()
            .that().resideInAPackage("org.advsharp.claims..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(MATHEMATICS, "org.advsharp.property..",
                    "org.advsharp.checks..", "org.advsharp.run..", "org.advsharp.results..", "org.advsharp.report..",
                    "org.advsharp.cli.."));

    @ArchTest
    static final ArchRule checksDoNotReachUp = noClasses()
            .that().resideInAPackage("org.advsharp.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("org.advsharp.run..", "org.advsharp.results..",
                    "org.advsharp.report..", "org.advsharp.cli..");

    @ArchTest
    static final ArchRule theResultsKnowOnlyTheCheckModelAndTheClaims = noClasses()
            .that().resideInAPackage("org.advsharp.results..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(MATHEMATICS, "org.advsharp.property..",
                    "org.advsharp.checks..", "org.advsharp.run..", "org.advsharp.report..", "org.advsharp.cli.."));

    @ArchTest
    static final ArchRule theRunDoesNotRender = noClasses()
            .that().resideInAPackage("org.advsharp.run..")
            .should().dependOnClassesThat().resideInAnyPackage("org.advsharp.report..", "org.advsharp.cli..");

    @ArchTest
    static final ArchRule theRunWritesThroughTheResults = noClasses()
            .that().resideInAPackage("org.advsharp.run..")
            .should().dependOnClassesThat().resideInAPackage(JACKSON);

    /** HeadlessChromium (the build's browser check, which speaks the DevTools JSON) is no reader of results. */
    @ArchTest
    static final ArchRule theReportReadsThroughTheResults = noClasses()
            .that().resideInAPackage("org.advsharp.report..").and().doNotHaveSimpleName("HeadlessChromium")
            .should().dependOnClassesThat().resideInAPackage(JACKSON);

    @ArchTest
    static final ArchRule theReportReadsResultsOnly = noClasses()
            .that().resideInAPackage("org.advsharp.report..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(MATHEMATICS, "org.advsharp.checks..",
                    "org.advsharp.run..", "org.advsharp.cli..", "org.advsharp.property.."));

    @ArchTest
    static final ArchRule onlyTheDeepPackagesUseDjl = noClasses()
            .that().resideOutsideOfPackages("org.advsharp.deep..", "org.advsharp.checks.deep..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule onlyTheEngineReachesNativeCode = noClasses()
            .that().resideOutsideOfPackage("org.advsharp.deep.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..");

    @ArchTest
    static final ArchRule theEngineSitsBelowTheDeepTier = noClasses()
            .that().resideInAPackage("org.advsharp.deep.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.advsharp.deep", "org.advsharp.deep.data..",
                    "org.advsharp.deep.experiment..", "org.advsharp.deep.study..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.advsharp.(**)")
            .should().beFreeOfCycles();

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
