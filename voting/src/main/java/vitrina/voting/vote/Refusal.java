package vitrina.voting.vote;

/**
 * Every reason the service can refuse a request, with its HTTP status, stable code (the enum name)
 * and the Russian message shown to the visitor. Codes never change once published; vote.js keys on them.
 */
public enum Refusal {
    BAD_JSON(400, "Запрос не разобран: ожидался JSON-объект."),
    BAD_REQUEST(400, "В запросе не хватает полей или они неверны."),
    BODY_TOO_LARGE(413, "Запрос слишком большой."),
    UNSUPPORTED_MEDIA_TYPE(415, "Ожидался запрос с типом application/json."),
    ORIGIN_FORBIDDEN(403, "Голосовать можно только со страниц сайта выставки."),
    VOTING_NOT_STARTED(403, "Голосование ещё не началось."),
    VOTING_CLOSED(403, "Голосование завершено."),
    STAND_UNKNOWN(404, "Такого стенда нет среди опубликованных."),
    NOMINATION_REQUIRED(400, "Выберите номинацию: стенд участвует в нескольких."),
    NOMINATION_UNKNOWN(400, "Стенд не участвует в этой номинации."),
    VOTER_COOKIE_MISSING(400, "Браузер не сохранил cookie голосования. Разрешите cookie для сайта голосования и попробуйте снова."),
    VOTER_COOKIE_FORGED(403, "Cookie голосования повреждена. Обновите страницу и попробуйте снова."),
    POW_MISSING(400, "Не хватает решения проверочной задачи. Обновите страницу и попробуйте снова."),
    POW_INVALID(403, "Проверочная задача решена неверно или подделана."),
    POW_EXPIRED(403, "Проверочная задача устарела. Нажмите кнопку ещё раз."),
    POW_REPLAYED(409, "Эта проверочная задача уже использована. Нажмите кнопку ещё раз."),
    ALREADY_VOTED(409, "Вы уже проголосовали за этот стенд."),
    RATE_LIMITED(429, "Слишком много голосов за короткое время. Попробуйте через минуту."),
    UNAUTHORIZED(401, "Нужен токен администратора."),
    NOT_FOUND(404, "Такого адреса нет."),
    METHOD_NOT_ALLOWED(405, "Этот метод здесь не поддерживается."),
    STORE_UNAVAILABLE(503, "Хранилище голосов временно недоступно. Попробуйте позже."),
    INTERNAL(500, "Внутренняя ошибка сервиса голосования.");

    private final int status;
    private final String message;

    Refusal(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() { return status; }

    public String message() { return message; }

    public String code() { return name(); }
}
