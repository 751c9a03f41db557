package vitrina.voting;
public final class VotingMain { public static void main(String[] a) {} }
