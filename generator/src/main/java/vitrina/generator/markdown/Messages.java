package vitrina.generator.markdown;

/** Russian messages and hints for link and image problems, kept together so their wording stays consistent. */
final class Messages {
    static final String UNSAFE_CODE = "markdown.link.unsafe";
    static final String UNSAFE_HINT = "На выставке разрешены ссылки на сайты (https://…), почту (mailto:…), "
            + "телефон (tel:…) и файлы стенда (files/…, gallery/…). Адреса javascript:, data: и подобные удаляются.";
    static final String EXTERNAL_IMAGE_HINT = "Сайт выставки не загружает картинки с чужих сайтов. Скачайте "
            + "изображение (если на это есть право), положите его в папку gallery/ и вставьте так: "
            + "![подпись](gallery/имя.jpg). Пока вместо картинки показана ссылка на неё.";

    private Messages() {
    }

    static String unsafeLink(String raw) {
        return "Ссылка «" + shorten(raw) + "» удалена: такой адрес может запустить скрипт; текст ссылки сохранён";
    }

    static String unsafeImage(String raw) {
        return "Изображение с адресом «" + shorten(raw) + "» удалено: такие адреса на выставке запрещены";
    }

    static String brokenLink(String raw, LinkTarget target) {
        return switch (target.kind()) {
            case OUTSIDE -> "Ссылка «" + shorten(raw) + "» ведёт за пределы стенда и показана обычным текстом";
            case LOCAL_FILE -> "Ссылка «" + shorten(raw) + "» указывает на файл на вашем компьютере "
                    + "и показана обычным текстом";
            default -> "Ссылка «" + shorten(raw) + "» никуда не ведёт: такого файла или страницы на стенде нет; "
                    + "она показана обычным текстом";
        };
    }

    static String brokenLinkHint(LinkTarget target) {
        String path = target.path();
        if (target.kind() == LinkTarget.Kind.LOCAL_FILE) {
            return "Положите файл в папку files/ стенда и сошлитесь на него так: [название](files/имя-файла.pdf).";
        }
        if (target.kind() == LinkTarget.Kind.OUTSIDE) {
            return "Ссылайтесь только на материалы своего стенда (files/…, gallery/…, страницы стенда) "
                    + "или на сайты полным адресом https://….";
        }
        if (path.startsWith("files/")) {
            return "Проверьте имя файла в папке files/: буквы, регистр и расширение должны совпадать "
                    + "(например, files/План.pdf).";
        }
        if (path.startsWith("gallery/")) {
            return "Проверьте имя фотографии в папке gallery/: буквы, регистр и расширение должны совпадать.";
        }
        return "Проверьте имя файла в папке files/… или имя страницы стенда (например, methods.md); "
                + "адреса сайтов пишите полностью: https://….";
    }

    static String brokenImage(String raw) {
        return "Изображение «" + shorten(raw) + "» не найдено и не показано";
    }

    static String brokenImageHint(LinkTarget target) {
        if (target.kind() == LinkTarget.Kind.LOCAL_FILE || target.kind() == LinkTarget.Kind.OUTSIDE) {
            return "Положите фотографию в папку gallery/ стенда и вставьте так: ![подпись](gallery/имя.jpg).";
        }
        return "Проверьте имя файла в папке gallery/: буквы, регистр и расширение должны совпадать, "
                + "например ![подпись](gallery/01.jpg).";
    }

    static String externalImage(String url) {
        return "Изображение с внешнего сайта «" + shorten(url) + "» не встроено, вместо него показана ссылка";
    }

    /** Keeps messages readable when someone pastes a huge data: URL. */
    static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "…";
    }
}
