// vantage: composition root of the desktop app.
#include "appcontroller.h"
#include "commandline.h"
#include "performancemeter.h"
#include "screenshotrunner.h"

#include "domain/translations.h"
#include "settings/appsettings.h"
#include "storage/storeinfo.h"

#include <QApplication>

using namespace vantage;

int main(int argc, char *argv[])
{
    app::PerformanceMeter::markProcessStart();
    if (app::CommandLine::wantsTextOnly(argc, argv))
        return app::CommandLine::answerWithoutDisplay(argc, argv);

    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vantage"));
    QApplication::setApplicationName(QStringLiteral("Vantage"));
    QApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("vantage"));
    int exitCode = -1;
    const app::CommandLine options = app::CommandLine::parse(QApplication::arguments(), &exitCode);
    if (exitCode >= 0)
        return exitCode;

    const core::AppSettings settings;
    core::Translations::install(application, core::Translations::localeFor(
                                                 options.language.isEmpty() ? settings.language() : options.language));

    app::AppController controller(options);
    if (!options.screenshotDir.isEmpty()) {
        auto *runner = new app::ScreenshotRunner(controller.window(), options.screenshotDir, &controller);
        QObject::connect(runner, &app::ScreenshotRunner::finished, &application, &QCoreApplication::exit);
        // scripts/screenshots, second pass: "URL LOGIN PASSWORD" of its local demo server.
        const QStringList signIn = qEnvironmentVariable("VANTAGE_SCREENSHOT_SIGNIN").split(u' ', Qt::SkipEmptyParts);
        if (signIn.size() == 3)
            runner->useSignedInShots(controller.syncController(), signIn[0], signIn[1], signIn[2]);
        QObject::connect(&controller, &app::AppController::storeOpened, runner, &app::ScreenshotRunner::start,
                         Qt::SingleShotConnection);
    }
    if (options.measureStartup || options.measureRefresh) {
        auto *meter = new app::PerformanceMeter(controller.window(), options.measureRefresh, &controller);
        QObject::connect(meter, &app::PerformanceMeter::finished, &application, &QCoreApplication::exit);
    }
    if (!options.screenshotDir.isEmpty() || options.measureStartup || options.measureRefresh)
        QObject::connect(&controller, &app::AppController::storeFailed, &application, [] { QCoreApplication::exit(1); });
    controller.start();
    return QApplication::exec();
}
