package org.iomworkbench.core.generate;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Names, nicknames, ethnicity codes and postcodes for generated people. Names are drawn from
 * pools matched loosely to the self-defined ethnicity code, with a Zipf-like weight so that a
 * few names are common (as in real data, where many people share a name). No name here belongs
 * to a real record.
 */
final class NameBank {
    /** The 18+1 self-defined ethnicity codes and their shares in a police offender population (approximate). */
    static final String[] ETHNICITY = {"W1", "W2", "W3", "W4", "M1", "M2", "M3", "M4", "A1", "A2", "A3", "A4", "A5",
            "B1", "B2", "B3", "O1", "O2", "NS"};
    static final double[] ETHNICITY_SHARE = {0.62, 0.01, 0.005, 0.08, 0.015, 0.006, 0.01, 0.009, 0.03, 0.03, 0.01,
            0.004, 0.01, 0.035, 0.05, 0.02, 0.003, 0.02, 0.033};

    private static final String[] BRITISH_SURNAMES = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson "
            + "Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes Edwards Harris Lewis "
            + "Turner Hill Moore Cooper Ward Morris King Watson Harrison Morgan Baker Young Allen Mitchell James "
            + "Anderson Phillips Lee Bell Parker Davis Bennett Griffiths Cook Price Richardson Carter Bailey Collins "
            + "Murphy Kelly Shaw Adams Simpson Marshall Stevens Chapman Ellis Webb Palmer Mason Hunt Holmes Mills "
            + "Barnes Knight Lloyd Butler Russell Fisher Stewart Barker Dixon Pearce Grant Spencer Fletcher Hussey "
            + "O'Brien O'Neill McDonald McCarthy Sullivan Doyle Gallagher Quinn Nolan Reilly Whitehouse Rowley "
            + "Bissell Hadley Pountney Tranter Nock Cartwright Foley Jukes").split(" ");
    private static final String[] SOUTH_ASIAN_SURNAMES = ("Khan Ahmed Hussain Ali Begum Akhtar Iqbal Mahmood Rashid "
            + "Shah Patel Singh Kaur Sharma Malik Bibi Mohammed Aslam Hassan Rehman Chaudhry Bashir Sandhu Gill "
            + "Sidhu Bains Dhillon Mistry Parmar Chauhan Hussein Butt Anwar Riaz").split(" ");
    private static final String[] AFRICAN_SURNAMES = ("Okafor Adeyemi Mensah Osei Boateng Mohamed Abdi Hassan Yusuf "
            + "Okoro Eze Nwosu Adebayo Owusu Asante Diallo Kamara Bangura Warsame Farah Campbell Brown Williams "
            + "Thomas Francis Henry Grant Clarke Reid Stewart Lewis Morgan Gordon Bailey Richards Samuels Thompson "
            + "Robinson Johnson Edwards").split(" ");
    private static final String[] EAST_EURO_SURNAMES = ("Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski "
            + "Zielinski Popescu Ionescu Popa Horvath Kazlauskas Petrovic Novak Dvorak Balogh Ivanov Marinescu "
            + "Sikora Baran Mazur Kaczmarek Grabowski").split(" ");

    private static final String[] BRITISH_MALE = ("James John David Michael Daniel Thomas Christopher Mark Paul "
            + "Andrew Matthew Jamie Ryan Lee Liam Connor Jordan Kyle Callum Jake Joshua Dean Craig Wayne Darren "
            + "Scott Stephen Robert Richard William Anthony Joseph Benjamin Samuel Nathan Adam Luke Shane Carl "
            + "Jason Aaron Reece Tyler Kieran Bradley Lewis Harry Jack Alexander Nicholas Edward Jonathan Gary "
            + "Kevin Steven Martin Ian Neil Simon Sean Terry Tony Dale Ashley").split(" ");
    private static final String[] BRITISH_FEMALE = ("Sarah Emma Laura Rebecca Gemma Jessica Amy Hannah Chloe Lauren "
            + "Charlotte Sophie Danielle Stacey Kelly Michelle Nicola Samantha Victoria Natalie Jennifer Elizabeth "
            + "Katherine Leanne Kayleigh Jade Shannon Paige Courtney Megan Abigail Kimberley Donna Tracey Lisa "
            + "Joanne Claire Karen Susan Deborah Amanda Stephanie Alexandra Melissa Zoe").split(" ");
    private static final String[] SOUTH_ASIAN_MALE = ("Mohammed Muhammad Imran Asif Amir Adil Zain Bilal Hamza Omar "
            + "Usman Kamran Tariq Faisal Shahid Arjun Harpreet Gurpreet Jaspal Sunil Rajesh Vikram Sanjay Amit "
            + "Ravi Ali Abdul Yasir Naveed Waqas").split(" ");
    private static final String[] SOUTH_ASIAN_FEMALE = ("Aisha Fatima Amina Sana Nadia Ayesha Samina Shazia Rukhsana "
            + "Zara Priya Simran Harpreet Gurpreet Anjali Sunita Rani Parveen Nasreen Saima").split(" ");
    private static final String[] AFRICAN_MALE = ("Abdi Mohamed Ahmed Kwame Kofi Chinedu Emeka Tunde Olu Samuel "
            + "Daniel Tyrone Jerome Marcus Andre Dwayne Leon Kai Malik Isaac Joel Nathaniel Elijah Moses Mustafa "
            + "Junior Delroy Winston Clive Errol").split(" ");
    private static final String[] AFRICAN_FEMALE = ("Amina Fatuma Hodan Ngozi Chioma Abena Ama Grace Blessing Precious "
            + "Shanice Tanisha Keisha Chantelle Marcia Jasmine Aaliyah Imani Naomi Esther").split(" ");
    private static final String[] EAST_EURO_MALE = ("Piotr Tomasz Pawel Krzysztof Marcin Andrzej Lukasz Adam Mateusz "
            + "Ionut Andrei Mihai Florin Marius Tomas Jonas Lukas Dmitri Sergei Marek").split(" ");
    private static final String[] EAST_EURO_FEMALE = ("Anna Katarzyna Magdalena Agnieszka Joanna Monika Ioana Elena "
            + "Maria Andreea Ruta Ieva Olga Natalia Irina").split(" ");

    private static final Map<String, String[]> NICKNAMES = new HashMap<>();

    static {
        String[] pairs = {
                "James:Jim,Jimmy,Jamie", "John:Johnny,Jack", "David:Dave,Davey", "Michael:Mike,Mick,Micky",
                "Daniel:Dan,Danny", "Thomas:Tom,Tommy", "Christopher:Chris,Kit", "Matthew:Matt", "Stephen:Steve",
                "Steven:Steve", "Robert:Rob,Bob,Bobby", "Richard:Rich,Rick,Dick", "William:Will,Bill,Billy",
                "Anthony:Tony,Ant", "Joseph:Joe,Joey", "Benjamin:Ben,Benny", "Samuel:Sam,Sammy", "Nathan:Nate",
                "Alexander:Alex,Xander", "Nicholas:Nick,Nicky", "Edward:Ed,Eddie,Ted", "Jonathan:Jon,Jonny",
                "Joshua:Josh", "Andrew:Andy,Drew", "Kevin:Kev", "Terry:Tel", "Callum:Cal", "Bradley:Brad",
                "Mohammed:Mo,Mohd", "Muhammad:Mo,Mohd", "Abdul:Abdi", "Kieran:Kez", "Jordan:Jordy",
                "Sarah:Sally", "Rebecca:Becky,Becca", "Jessica:Jess,Jessie", "Charlotte:Charlie,Lottie",
                "Samantha:Sam,Sammy", "Victoria:Vicky,Tori", "Natalie:Nat", "Jennifer:Jen,Jenny",
                "Elizabeth:Liz,Beth,Lizzie", "Katherine:Kate,Kath,Katie", "Stephanie:Steph", "Deborah:Debbie,Deb",
                "Susan:Sue,Susie", "Alexandra:Alex,Lexi", "Abigail:Abbie,Abby", "Kimberley:Kim", "Nicola:Nicky",
                "Danielle:Dani", "Amanda:Mandy", "Michelle:Shell", "Kayleigh:Kay", "Joanne:Jo", "Melissa:Mel",
                "Katarzyna:Kasia", "Magdalena:Magda", "Krzysztof:Krzys", "Tomasz:Tomek", "Aleksander:Olek"};
        for (String p : pairs) {
            String[] kv = p.split(":");
            NICKNAMES.put(kv[0], kv[1].split(","));
        }
    }

    private static final String[] DISTRICTS;
    private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    static {
        String[] areas = {"B", "WS", "WV", "DY", "CV"};
        int[] counts = {99, 15, 14, 13, 12};
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        DISTRICTS = new String[n];
        int k = 0;
        for (int a = 0; a < areas.length; a++) {
            for (int i = 1; i <= counts[a]; i++) {
                DISTRICTS[k++] = areas[a] + i;
            }
        }
    }

    private NameBank() {
    }

    /** Which name pool an ethnicity code draws from: 0 British, 1 South Asian, 2 African/Caribbean, 3 East European. */
    static int pool(String ethnicity, SplittableRandom r) {
        switch (ethnicity.charAt(0)) {
            case 'A':
                return ethnicity.equals("A4") || ethnicity.equals("A5") ? (r.nextDouble() < 0.5 ? 1 : 0) : 1;
            case 'B':
                return ethnicity.equals("B1") ? (r.nextDouble() < 0.7 ? 0 : 2) : 2;
            case 'W':
                return ethnicity.equals("W4") ? (r.nextDouble() < 0.7 ? 3 : 0) : 0;
            case 'M':
                return r.nextDouble() < 0.75 ? 0 : (ethnicity.equals("M3") || ethnicity.equals("M4") ? 1 : 2);
            default:
                return r.nextInt(4);
        }
    }

    static String surname(int pool, SplittableRandom r) {
        return zipf(switch (pool) {
            case 1 -> SOUTH_ASIAN_SURNAMES;
            case 2 -> AFRICAN_SURNAMES;
            case 3 -> EAST_EURO_SURNAMES;
            default -> BRITISH_SURNAMES;
        }, r);
    }

    static String forename(int pool, boolean male, SplittableRandom r) {
        String[] list = switch (pool) {
            case 1 -> male ? SOUTH_ASIAN_MALE : SOUTH_ASIAN_FEMALE;
            case 2 -> male ? AFRICAN_MALE : AFRICAN_FEMALE;
            case 3 -> male ? EAST_EURO_MALE : EAST_EURO_FEMALE;
            default -> male ? BRITISH_MALE : BRITISH_FEMALE;
        };
        return zipf(list, r);
    }

    /** A surname from any pool, for changed and hyphenated surnames. */
    static String anySurname(SplittableRandom r) {
        return surname(r.nextDouble() < 0.7 ? 0 : r.nextInt(4), r);
    }

    /** A nickname for {@code name}, or null when it has none. */
    static String nickname(String name, SplittableRandom r) {
        String[] n = NICKNAMES.get(name);
        return n == null ? null : n[r.nextInt(n.length)];
    }

    static String ethnicity(SplittableRandom r) {
        double u = r.nextDouble() * 1.0;
        double total = 0;
        for (double s : ETHNICITY_SHARE) {
            total += s;
        }
        u *= total;
        for (int i = 0; i < ETHNICITY.length; i++) {
            u -= ETHNICITY_SHARE[i];
            if (u < 0) {
                return ETHNICITY[i];
            }
        }
        return ETHNICITY[0];
    }

    static int district(SplittableRandom r) {
        // a skew towards the lower-numbered (inner) districts of each area
        double u = r.nextDouble();
        return (int) (u * u * DISTRICTS.length);
    }

    static String postcode(int district, SplittableRandom r) {
        return DISTRICTS[district] + " " + r.nextInt(10) + UNIT_LETTERS.charAt(r.nextInt(UNIT_LETTERS.length()))
                + UNIT_LETTERS.charAt(r.nextInt(UNIT_LETTERS.length()));
    }

    /** Picks from {@code list} at rank floor(n * u^2.2), u uniform: a few common names, a long tail. */
    private static String zipf(String[] list, SplittableRandom r) {
        double u = r.nextDouble();
        int i = (int) (list.length * Math.pow(u, 2.2));
        return list[Math.min(i, list.length - 1)];
    }
}
